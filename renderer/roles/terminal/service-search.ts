import type { ServiceListItem } from '../../api/queue';

/**
 * Fold text for search: Ukrainian-aware lower case, NFC, and every apostrophe form (’ ' ʼ `) made one,
 * because visitors type "п'ять" while the registry writes "п’ять".
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('uk').replace(/[’'ʼ`‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Services whose name (uk or en) or category contains every word of the query, in their order. */
export function filterServices(services: readonly ServiceListItem[], query: string): ServiceListItem[] {
  const words = foldForSearch(query).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return [...services];
  return services.filter((service) => {
    const haystack = foldForSearch(`${service.name.uk} ${service.name.en} ${service.category}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Services grouped by category, categories in order of first appearance. */
export function groupByCategory(services: readonly ServiceListItem[]): Array<{ category: string; services: ServiceListItem[] }> {
  const groups = new Map<string, ServiceListItem[]>();
  for (const service of services) {
    const list = groups.get(service.category) ?? [];
    list.push(service);
    groups.set(service.category, list);
  }
  return [...groups].map(([category, list]) => ({ category, services: list }));
}
