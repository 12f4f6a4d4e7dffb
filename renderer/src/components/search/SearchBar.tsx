import { forwardRef } from 'react';
import type { ParsedQuery } from '../../../../shared/query/ast.js';
import { removeNode } from '../../../../shared/query/format.js';
import { chipsOf } from '../../lib/chips';
import { Icon } from '../widgets/Icon';
import { QueryChips } from './QueryChips';
import { QueryErrorMessage } from './QueryErrorMessage';

interface Props {
  text: string;
  parsed: ParsedQuery;
  /** An error the service found after parsing (e.g. the full-text engine refused a phrase). */
  serviceError: { message: string; span?: { start: number; end: number } } | null;
  onChange: (text: string, immediate?: boolean) => void;
  /** ArrowDown in the box: on to the results. */
  onLeaveDown: () => void;
}

const EXAMPLE = 'Search, e.g. tag:ai source:"IBN" after:2025-07';

/** The search box with the query syntax; its parse shows as removable chips, and a parse error points at the bad part. */
export const SearchBar = forwardRef<HTMLInputElement, Props>(function SearchBar({ text, parsed, serviceError, onChange, onLeaveDown }, ref) {
  const chips = chipsOf(text, parsed);
  const error = !parsed.ok
    ? parsed.error
    : serviceError && text.trim()
      ? { message: serviceError.message, span: serviceError.span ?? { start: 0, end: 0 } }
      : null;
  return (
    <div className="search">
      <div className="search-field">
        <Icon name="search" />
        <input
          ref={ref}
          type="search"
          className="field search-input"
          aria-label="Search articles"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'search-error' : undefined}
          placeholder={EXAMPLE}
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              if (text) onChange('', true);
              else e.currentTarget.blur();
            } else if (e.key === 'Enter') {
              onChange(text, true); // no need to wait out the typing pause
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              onLeaveDown();
            }
          }}
        />
      </div>
      {error ? (
        <QueryErrorMessage id="search-error" text={text} message={error.message} span={error.span} />
      ) : (
        chips.length > 0 && <QueryChips chips={chips} onRemove={(chip) => onChange(removeNode(text, chip.span), true)} />
      )}
    </div>
  );
});
