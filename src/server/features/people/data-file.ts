export { dataFileName } from '../../../contracts/fold.ts';

/** An attachment header for an ASCII file name (dataFileName's are). */
export const attachment = (fileName: string) => `attachment; filename="${fileName}"`;
