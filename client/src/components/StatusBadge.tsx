import { tKnown } from '../i18n/i18n';

/** A review status (draft, in_review, published…) as a coloured label. */
export function StatusBadge(props: { status: string }) {
  return <span class={`badge badge-${props.status}`}>{tKnown('status', props.status)}</span>;
}
