/**
 * A bar chart (Chart.js) with the table of its figures underneath, so every number can be
 * read exactly, by screen readers too. Only the parts of Chart.js a bar chart needs are
 * registered, and the whole dashboard is a lazily loaded route.
 */
import { createEffect, For, onCleanup, onMount } from 'solid-js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Series {
  label: string;
  values: number[];
  color: string;
}

export function BarChart(props: { title: string; labels: string[]; series: Series[]; horizontal?: boolean; unit?: string; testId: string; emptyText: string; firstColumn: string }) {
  let canvas!: HTMLCanvasElement;
  let chart: Chart<'bar'> | undefined;
  const data = () => ({
    labels: props.labels,
    datasets: props.series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderRadius: 3, maxBarThickness: 36 })),
  });
  onMount(() => {
    chart = new Chart(canvas, {
      type: 'bar',
      data: data(),
      options: {
        indexAxis: props.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: props.series.length > 1, position: 'bottom' } },
        scales: { [props.horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  });
  createEffect(() => {
    const next = data();
    if (!chart) return;
    chart.data = next;
    chart.update();
  });
  onCleanup(() => chart?.destroy());
  const empty = () => props.labels.length === 0;
  return (
    <section class="card dashboard-card" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <div class="chart-box" classList={{ hidden: empty() }} style={{ height: `${props.horizontal ? Math.max(160, props.labels.length * 34 + 60) : 240}px` }}>
        <canvas ref={canvas} role="img" aria-label={props.title} />
      </div>
      {empty() ? (
        <p class="empty">{props.emptyText}</p>
      ) : (
        <table class="list-table compact-table">
          <thead>
            <tr>
              <th scope="col">{props.firstColumn}</th>
              <For each={props.series}>{(s) => <th scope="col">{s.label}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.labels}>
              {(label, i) => (
                <tr>
                  <th scope="row">{label}</th>
                  <For each={props.series}>
                    {(s) => (
                      <td class="num">
                        {s.values[i()]}
                        {props.unit ?? ''}
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    </section>
  );
}
