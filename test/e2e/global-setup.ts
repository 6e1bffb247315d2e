/**
 * The e2e layer builds the web front end once (web/ → web/dist, Vite in a child process), before any
 * browser test file starts its server: the files then only read web/dist.
 */
import { viteBuildWeb } from '../../lib/web-site-build';

export default function buildWebOnce(): void {
  viteBuildWeb();
}
