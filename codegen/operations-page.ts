import type { MethodPlan } from './operations.js';

/**
 * Renders docs/operations.md: one row per generated method, grouped by namespace, with the HTTP
 * operation it sends and the spec's summary. URL builders are marked, because they send nothing.
 */
export function renderOperationsPage(plans: readonly MethodPlan[], specVersion: string): string {
  const byNamespace = new Map<string, MethodPlan[]>();
  for (const plan of plans) {
    const list = byNamespace.get(plan.namespace) ?? [];
    list.push(plan);
    byNamespace.set(plan.namespace, list);
  }

  const lines = [
    '# Operations',
    '',
    `Every method of the client, generated from @workos/openapi-spec ${specVersion} and`,
    '`codegen/overlay.yaml` by `npm run generate`. Do not edit this page by hand.',
    '',
    `${plans.length} methods in ${byNamespace.size} namespaces. A URL builder returns the URL of a`,
    'browser redirect and sends nothing.',
  ];

  for (const namespace of [...byNamespace.keys()].sort()) {
    lines.push('', `## ${namespace}`, '', '| method | HTTP | summary |', '| --- | --- | --- |');
    const namespacePlans = [...(byNamespace.get(namespace) ?? [])].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const plan of namespacePlans) {
      const http = `\`${plan.httpMethod} ${plan.path}\`${plan.urlBuilder ? ' (URL builder)' : ''}`;
      const summary = (plan.operation.summary ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
      lines.push(`| \`${namespace}.${plan.name}\` | ${http} | ${summary} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
