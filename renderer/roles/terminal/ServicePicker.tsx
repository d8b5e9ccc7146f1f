import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceListItem } from '../../api/queue';
import { filterServices, groupByCategory } from './service-search';

export interface ServicePickerProps {
  services: ServiceListItem[];
  lang: 'uk' | 'en';
  onPick(service: ServiceListItem): void;
}

/** Big service tiles grouped by category, with a search box that matches any part of a word. */
export function ServicePicker({ services, lang, onPick }: ServicePickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupByCategory(filterServices(services, query)), [services, query]);
  return (
    <div className="terminal-picker">
      <div className="terminal-search">
        <label htmlFor="terminal-search">{t('queue.terminal.search')}</label>
        <div className="terminal-search-row">
          <input
            id="terminal-search"
            type="text"
            enterKeyHint="search"
            data-testid="terminal-search"
            value={query}
            autoComplete="off"
            placeholder={t('queue.terminal.searchPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
          />
          {query && (
            <button type="button" onClick={() => setQuery('')} aria-label={t('queue.terminal.clearSearch')}>
              ✕
            </button>
          )}
        </div>
      </div>
      {groups.length === 0 && (
        <p role="status" data-testid="terminal-no-match">
          {t('queue.terminal.noMatch', { query })}
        </p>
      )}
      {groups.map((group) => (
        <section key={group.category} className="terminal-category" aria-label={group.category}>
          <h2>{group.category}</h2>
          <div className="terminal-tiles">
            {group.services.map((service) => (
              <button
                key={service.serviceId}
                type="button"
                className="terminal-tile"
                data-testid={`service-tile-${service.serviceId}`}
                onClick={() => onPick(service)}
              >
                <span className="terminal-tile-prefix" aria-hidden="true">
                  {service.prefix}
                </span>
                <span className="terminal-tile-name">{service.name[lang]}</span>
                <span className="terminal-tile-meta">
                  {t('queue.waitingCount', { count: service.waiting })}
                  {service.estimatedWaitMin !== null && ` · ${t('queue.minutes', { count: service.estimatedWaitMin })}`}
                </span>
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
