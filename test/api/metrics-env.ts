// Imported first by metrics.e2e-spec.ts, before the app reads its configuration.
export const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789';
process.env.METRICS_TOKEN = METRICS_TOKEN;
