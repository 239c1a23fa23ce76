import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/** Private status links and reset tokens must not end up in log files. */
export function redactUrl(url: string): string {
  return url.replace(/(\/status\/)[^/?#]+/g, '$1***').replace(/([?&]token=)[^&#]+/g, '$1***');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  hostname?: string;
  ip?: string;
  id?: string;
}

/** Structured JSON logs; request bodies, cookies and secrets in URLs are never logged. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { app: 'opora' },
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'password', '*.password'], remove: true },
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: redactUrl(request.url ?? ''),
        hostname: request.hostname,
        remoteAddress: request.ip,
        id: request.id,
      }),
      err: pino.stdSerializers.err,
    },
  });
}
