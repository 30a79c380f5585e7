import type { AppContext } from '../../../core/context.ts';
import { createDevelopmentProvider } from './development.ts';
import type { PaymentProvider } from './port.ts';
import { createStripeProvider } from './stripe.ts';

const built = new WeakMap<AppContext['config'], PaymentProvider | null>();

/**
 * The campaign's payment provider: Stripe when its keys are set; otherwise the development
 * adapter, except in production without ALLOW_DEV_ADAPTERS, where online gifts are closed
 * (null) and the donation page says so.
 */
export function paymentProvider(ctx: AppContext): PaymentProvider | null {
  const config = ctx.config;
  if (built.has(config)) return built.get(config) ?? null;
  let provider: PaymentProvider | null = null;
  if (config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET) {
    const api = config.STRIPE_API_URL ? new URL(config.STRIPE_API_URL) : null;
    provider = createStripeProvider({
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET,
      apiBase: api
        ? {
            host: api.hostname,
            port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)),
            protocol: api.protocol === 'https:' ? 'https' : 'http',
          }
        : undefined,
    });
  } else if (!config.production || config.ALLOW_DEV_ADAPTERS) {
    provider = createDevelopmentProvider({
      publicUrl: config.publicUrl,
      secret: config.sessionSecret,
    });
  }
  built.set(config, provider);
  return provider;
}
