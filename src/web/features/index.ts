/**
 * Loads every `src/web/features/<name>/feature.tsx`, each of which calls `registerFeature` (see
 * registry.ts). Adding a feature never needs an edit here.
 */
import.meta.glob('./*/feature.tsx', { eager: true });
