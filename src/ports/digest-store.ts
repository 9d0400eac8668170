/**
 * Read-only facts for the coordinator digest that no other port offers (the rest comes from
 * the papers, check-in, parking and support stores).
 */
export interface DigestFacts {
  /** Meetings (not cancelled) that ended before `now`, latest first. */
  pastMeetings(workstreamId: number, now: Date, limit: number): PastMeeting[];
  /** Who answered the day-before reminder ("I'll be there" / "I can't make it"), and how. */
  attendance(meetingId: number): Array<{ personId: number; answer: "yes" | "no" }>;
}

export interface PastMeeting {
  id: number;
  seq: number;
  title: string;
  startsAt: Date;
}
