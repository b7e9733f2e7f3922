export { EscapeSection } from './EscapeSection';
