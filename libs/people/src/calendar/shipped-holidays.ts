import schoolYear20262027 from './fixtures/rijksoverheid-schoolvakanties-2026-2027.json';
import schoolYear20272028 from './fixtures/rijksoverheid-schoolvakanties-2027-2028.json';

/**
 * The Rijksoverheid school-holiday documents shipped with Leerkring (see fixtures/README.md for
 * where the dates come from). `POST /api/v1/closures/import/rijksoverheid` without a body and
 * the demo seed load these.
 */
export const SHIPPED_RIJKSOVERHEID_DOCUMENTS: readonly unknown[] = [schoolYear20262027, schoolYear20272028];
