'use client';
/**
 * A searchable picker for long lists (55 stations, every provider): a text box and a list of
 * choices (the ARIA 1.2 combobox pattern). Typing filters by name, by full pinyin or by the
 * initials of the name's words (db/domain/pick-match.ts); ↓ ↑ move, Enter chooses, Esc closes.
 * The chosen value travels in a hidden input named `name`, so it works in a GET filter form as in
 * the admin forms (which bind value and onChange). Before JavaScript runs — and without it — it is
 * the plain <select> it replaces.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { matchesPick, type PickOption } from '@/db/domain/pick-match';
import { admin } from './strings';

const t = admin.combobox;

type Props = {
  id: string;
  name: string;
  options: readonly PickOption[];
  /** The choice meaning "none" or "any" ('' value), listed first when given (请选择, 全部). */
  empty?: string;
  /** Controlled (an admin form's bind()): the value, and the change as a select would report it. */
  value?: string;
  onChange?: (e: { target: { value: string } }) => void;
  /** Uncontrolled (a GET filter form). */
  defaultValue?: string;
  className?: string;
  disabled?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

export function Combobox(props: Props) {
  const { id, name, options, empty, className, disabled } = props;
  const [enhanced, setEnhanced] = useState(false);
  const [own, setOwn] = useState(props.defaultValue ?? '');
  const value = props.value ?? own;
  const all = useMemo<PickOption[]>(() => (empty === undefined ? [...options] : [{ value: '', label: empty }, ...options]), [options, empty]);
  const chosen = all.find((o) => o.value === value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);

  // Swapped in after hydration, so the server's HTML (and a browser without JavaScript) has the select.
  useEffect(() => setEnhanced(true), []);

  const shown = useMemo(() => (query === null ? all : all.filter((o) => o.value !== '' && matchesPick(o, query))), [all, query]);

  useEffect(() => {
    if (!open) return;
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);

  function choose(o: PickOption) {
    if (props.value === undefined) setOwn(o.value);
    props.onChange?.({ target: { value: o.value } });
    setQuery(null);
    setOpen(false);
  }

  function openList() {
    setOpen(true);
    const at = shown.findIndex((o) => o.value === value);
    setActive(at >= 0 ? at : 0);
  }

  if (!enhanced) {
    return (
      <select
        id={id}
        name={name}
        className={className}
        disabled={disabled}
        aria-invalid={props['aria-invalid']}
        aria-describedby={props['aria-describedby']}
        {...(props.value !== undefined ? { value, onChange: (e) => props.onChange?.({ target: { value: e.target.value } }) } : { defaultValue: value })}
      >
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }

  const hintId = `${listId}-hint`;
  const activeOption = open ? shown[active] : undefined;
  return (
    <div className="relative">
      <input type="hidden" name={name} value={value} />
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? `${listId}-${active}` : undefined}
        aria-invalid={props['aria-invalid']}
        aria-describedby={[hintId, props['aria-describedby']].filter(Boolean).join(' ')}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        className={className}
        value={query ?? (chosen && chosen.value !== '' ? chosen.label : '')}
        placeholder={empty ?? t.placeholder}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onClick={() => (open ? setOpen(false) : openList())}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) return openList();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((a) => (shown.length === 0 ? 0 : (a + step + shown.length) % shown.length));
          } else if (e.key === 'Home' && open) {
            e.preventDefault();
            setActive(0);
          } else if (e.key === 'End' && open) {
            e.preventDefault();
            setActive(Math.max(0, shown.length - 1));
          } else if (e.key === 'Enter') {
            // Enter chooses; it never submits the form half-chosen.
            if (open) {
              e.preventDefault();
              const o = shown[active];
              if (o) choose(o);
            }
          } else if (e.key === 'Escape') {
            if (open || query !== null) {
              e.preventDefault();
              setOpen(false);
              setQuery(null);
            }
          }
        }}
      />
      <p id={hintId} className="sr-only">
        {t.hint}
      </p>
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={t.listLabel}
        hidden={!open || shown.length === 0}
        className="absolute z-20 mt-1 max-h-80 w-full overflow-y-auto rounded-lg border-2 border-line bg-white py-1 shadow-lg"
      >
        {shown.map((o, i) => (
          <li
            key={o.value}
            id={`${listId}-${i}`}
            data-index={i}
            data-value={o.value}
            role="option"
            aria-selected={o.value === value}
            // Keeps focus in the text box, so the list does not close before the choice lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(o)}
            onMouseMove={() => setActive(i)}
            className={`flex min-h-12 cursor-pointer flex-col justify-center px-3 py-1 ${i === active ? 'bg-brand-soft' : ''} ${
              o.value === value ? 'font-bold' : ''
            }`}
          >
            <span>{o.label}</span>
            {o.hint && <span className="text-base font-normal text-muted">{o.hint}</span>}
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="sr-only">
        {open && query !== null ? (shown.length ? t.found(shown.length) : t.none) : ''}
      </p>
      {open && query !== null && shown.length === 0 && (
        <p className="absolute z-20 mt-1 w-full rounded-lg border-2 border-line bg-white px-3 py-3 text-muted" aria-hidden="true">
          {t.none}
        </p>
      )}
    </div>
  );
}
