/** What the rotation knows of one current member. */
export interface PresenterHistory {
  personId: string;
  /** Meetings they presented a case at (planned, not cancelled). */
  presented: number;
  /** The last date they presented (or are planned to), null if never. */
  lastPresented: string | null;
  /** Meetings they were present at. */
  attended: number;
  joinedAt: Date;
}

/**
 * The fair next case presenter (inbrenger): among the current members who attended at least
 * once (everyone, while nobody has attended yet), the one who presented least often, then least
 * recently (never first), then the longest member, then by id so the choice is deterministic.
 * Null when there is nobody to choose.
 */
export function nextCasePresenter(
  members: readonly PresenterHistory[],
  exclude: readonly string[] = [],
): string | null {
  const eligible = members.filter((member) => !exclude.includes(member.personId));
  const attended = eligible.filter((member) => member.attended > 0);
  const pool = attended.length > 0 ? attended : eligible;
  const [first] = [...pool].sort(
    (a, b) =>
      a.presented - b.presented ||
      (a.lastPresented ?? '').localeCompare(b.lastPresented ?? '') ||
      a.joinedAt.getTime() - b.joinedAt.getTime() ||
      a.personId.localeCompare(b.personId),
  );
  return first?.personId ?? null;
}
