// Unit tests see no EMF lines unless a test turns them on and reads them (business-metrics.test.ts).
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
