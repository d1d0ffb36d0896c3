import { For } from 'solid-js';
import { CATALOG_COLUMNS, type ColumnMapping } from '../../../forms/catalog-columns';
import { locale, t } from '../i18n/i18n';
import { ListTable } from '../components/ListTable';

export type Mapping = ColumnMapping;

/** One row per field of the template: which column of the uploaded file it is read from. */
export function ColumnMappingTable(props: { headers: string[]; mapping: Mapping; disabled: boolean; onChange: (m: Mapping) => void }) {
  const choose = (field: keyof Mapping, header: string) => {
    const next = { ...props.mapping };
    if (header) next[field] = header;
    else delete next[field];
    props.onChange(next);
  };
  return (
    <ListTable class="mapping-table" testId="mapping-table" columns={[t('import.field'), t('import.column')]} rows={CATALOG_COLUMNS}>
      {(column) => (
        <tr>
          <td>
            <label for={`map-${column.field}`}>{locale() === 'zh' ? column.header : column.en}</label>
            {column.required ? <span class="required" title={t('import.required')}> *</span> : null}
          </td>
          <td>
            <select id={`map-${column.field}`} data-field={column.field} disabled={props.disabled} value={props.mapping[column.field] ?? ''} onChange={(e) => choose(column.field, e.currentTarget.value)}>
              <option value="">{t('import.notImported')}</option>
              <For each={props.headers}>{(h) => <option value={h} selected={props.mapping[column.field] === h}>{h}</option>}</For>
            </select>
          </td>
        </tr>
      )}
    </ListTable>
  );
}
