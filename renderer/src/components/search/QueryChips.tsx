import type { QueryChip } from '../../lib/chips';
import { Icon } from '../widgets/Icon';
import { languageName } from '../../lib/format';

/** The parsed query as chips; each one's × takes that part out of the typed text. */
export function QueryChips({ chips, onRemove }: { chips: QueryChip[]; onRemove: (chip: QueryChip) => void }) {
  return (
    <ul className="chips" aria-label="Search filters">
      {chips.map((chip) => (
        <li
          key={`${chip.span.start}:${chip.text}`}
          className={`chip${chip.negated ? ' negated' : ''}`}
          title={chip.typing ? `Words starting with ${chip.text}` : chip.text}
        >
          <span className="chip-text">
            {chip.field ? (
              <>
                <span className="chip-field">
                  {chip.negated ? 'not ' : ''}
                  {chip.field}:
                </span>{' '}
                {/* `lang:de` reads as "lang: German"; the typed code stays in the search box. */}
                {chip.field === 'lang' ? languageName(chip.value) : chip.value}
              </>
            ) : chip.typing ? (
              `${chip.text}…`
            ) : (
              chip.text
            )}
          </span>
          <button type="button" aria-label={`Remove ${chip.text}`} onClick={() => onRemove(chip)}>
            <Icon name="close" size={12} />
          </button>
        </li>
      ))}
    </ul>
  );
}
