import { UsageError } from '../../core/wiki';

/** A source that cannot be imported (corrupt, encrypted, empty, unsupported): exit 2, one line. */
export class ImportError extends UsageError {}
