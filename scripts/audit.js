#!/usr/bin/env node
/**
 * `npm audit` of the production dependencies, failing on high or critical advisories. When the
 * registry's advisory service cannot be reached (a mirror without it answers 405, or no network),
 * it says so and passes, unless AUDIT_REQUIRED=1: a check that could not run is reported, never
 * counted as clean.
 */
const { spawnSync } = require('node:child_process');

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  report = {};
}

const counts = report.metadata && report.metadata.vulnerabilities;
if (!counts) {
  const why = report.message || (run.error && run.error.message) || run.stderr.trim().split('\n').pop() || 'no answer';
  console.log(`npm audit: the advisory service could not be reached (${why}); production dependencies NOT checked.`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}

const serious = (counts.high || 0) + (counts.critical || 0);
console.log(
  `npm audit (production dependencies): ${counts.critical || 0} critical, ${counts.high || 0} high, ` +
    `${counts.moderate || 0} moderate, ${counts.low || 0} low`,
);
for (const [name, advisory] of Object.entries(report.vulnerabilities || {})) {
  if (advisory.severity === 'high' || advisory.severity === 'critical') {
    console.log(`  ${advisory.severity}: ${name} (${advisory.range || 'all versions'})`);
  }
}
process.exit(serious > 0 ? 1 : 0);
