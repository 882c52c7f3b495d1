import { validateConfig } from 'decap-cms-core/dist/esm/constants/configSchema';
import { registerWidget } from 'decap-cms-core/dist/esm/lib/registry';
import datetime from 'decap-cms-widget-datetime/dist/esm/schema';
import list from 'decap-cms-widget-list/dist/esm/schema';
import number from 'decap-cms-widget-number/dist/esm/schema';
import object from 'decap-cms-widget-object/dist/esm/schema';
import relation from 'decap-cms-widget-relation/dist/esm/schema';
import select from 'decap-cms-widget-select/dist/esm/schema';
import type { DecapWidget } from './cms-config';

/**
 * Decap's own check of a configuration (decap-cms-core's `validateConfig` with the option
 * schemas of the widgets the editor registers), bundled for Node by src/editing/client-bundle.ts
 * as decap-config-check.cjs; used by src/editing/decap-config-check.ts. Typed by the same
 * union as client/decap.ts, so both know the same widgets.
 */
const SCHEMAS: Record<DecapWidget, object> = { datetime, list, number, object, relation, select, string: {}, text: {}, boolean: {} };
for (const [name, schema] of Object.entries(SCHEMAS)) registerWidget(name, () => null, null, schema);

export { validateConfig };
