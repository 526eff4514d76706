// Just enough typing of the `oidc-provider` package (it ships none) for the test provider helper.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ClientLike {
    clientId: string;
    grantTypeAllowed(type: string): boolean;
  }

  export interface KoaContextWithOIDC {
    path: string;
    method: string;
    querystring: string;
    status: number;
    body: unknown;
    redirect(url: string): void;
    oidc: {
      params?: Record<string, unknown>;
      client?: ClientLike;
    };
  }

  type Middleware = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    use(middleware: Middleware): void;
    on(event: string, listener: (ctx: KoaContextWithOIDC, ...rest: never[]) => void): this;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
