export { useIsPhone } from '../../core/ui/useIsPhone.ts';
