/**
 * A link that downloads a stored file (attachment, form file) under its original name.
 * rel=external: a download from the file routes, not a client-side route for the router.
 */
import { appUrl } from '../mount';

export function DownloadLink(props: { path: string; name: string }) {
  return (
    <a href={appUrl(props.path)} rel="external" download={props.name}>
      {props.name}
    </a>
  );
}
