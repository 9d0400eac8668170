/**
 * Every refusal code, one union per feature, so `refuse()` takes only a code listed here: tests
 * get autocomplete and a code cannot drift into a near-miss spelling. A code names what was
 * refused (`meeting.gone`), never the sentence, which may change.
 */

/** The command words, which also name the refusals of a command typed wrongly. */
export type CommandVerb =
  | "agenda"
  | "checkin"
  | "decision"
  | "digest"
  | "dissent"
  | "glossary"
  | "groundrules"
  | "meeting"
  | "mine"
  | "onetoone"
  | "outcomes"
  | "papers"
  | "park"
  | "parked"
  | "programme"
  | "quiet"
  | "review"
  | "support"
  | "workstream";

/** The words after a verb (`/meeting schedule`); "" is the verb alone. */
export type CommandSub =
  | "add"
  | "bring"
  | "ask"
  | "cancel"
  | "close"
  | "done"
  | "drop"
  | "end"
  | "group"
  | "lead"
  | "list"
  | "move"
  | "now"
  | "off"
  | "place"
  | "remove"
  | "rename"
  | "repeat"
  | "request"
  | "resolve"
  | "revisit"
  | "role"
  | "schedule"
  | "send"
  | "set"
  | "setup"
  | "start"
  | "status"
  | "suggest"
  | "summary"
  | "sync"
  | "until"
  | "withdraw";

/** A command whose words could not be read: `meeting.schedule`, or `park.usage` for a bare verb. */
export type UsageRefusal = `${CommandVerb}.${CommandSub | "usage"}`;

export type CommandRefusal = "command.unknown" | "permission.denied" | "clause.unreadable";

export type WorkstreamRefusal =
  | "workstream.none"
  | "workstream.exists"
  | "workstream.name-taken"
  | "workstream.not-here"
  | "workstream.setup-in-dm"
  | "workstream.sync-unsupported"
  | "workstream.which"
  | "workstream.closed";

export type MemberRefusal =
  | "member.not-found"
  | "member.not-member"
  | "member.group-not-allowed"
  | "member.last-coordinator";

export type SettingRefusal = "setting.invalid" | "setting.unknown";

export type MeetingRefusal =
  | "meeting.check-in-open"
  | "meeting.clash"
  | "meeting.closed"
  | "meeting.duration"
  | "meeting.every"
  | "meeting.fifth-week"
  | "meeting.gone"
  | "meeting.id"
  | "meeting.none-started"
  | "meeting.not-found"
  | "meeting.not-scheduled"
  | "meeting.not-started"
  | "meeting.past"
  | "meeting.place"
  | "meeting.repeat-count"
  | "meeting.repeat-none"
  | "meeting.time"
  | "meeting.too-many"
  | "meeting.unchanged"
  | "meeting.when";

export type CheckInRefusal =
  | "checkin.already-open"
  | "checkin.bad-button"
  | "checkin.cancelled"
  | "checkin.gone"
  | "checkin.no-meeting"
  | "checkin.none"
  | "checkin.not-started";

export type DissentRefusal =
  | "dissent.gone"
  | "dissent.id"
  | "dissent.not-chair"
  | "dissent.not-found"
  | "dissent.not-member"
  | "dissent.not-yours"
  | "dissent.too-long"
  | "dissent.view"
  | "dissent.withdrawn";

export type PapersRefusal =
  | "papers.already-sent"
  | "papers.answer-empty"
  | "papers.answer-long"
  | "papers.format-choice"
  | "papers.format-long"
  | "papers.gone"
  | "papers.meeting-closed"
  | "papers.meeting-started"
  | "papers.no-chair"
  | "papers.no-meeting"
  | "papers.none"
  | "papers.not-found"
  | "papers.not-chair"
  | "papers.question-empty"
  | "papers.question-gone"
  | "papers.question-long"
  | "papers.remove-closed";

export type ParkingRefusal =
  | "park.already"
  | "park.owner"
  | "park.past"
  | "park.revisit"
  | "park.title"
  | "park.withdrawn"
  | "parked.closed"
  | "parked.id"
  | "parked.not-found"
  | "parked.outcome"
  | "parked.past"
  | "parked.reason";

export type OneToOneRefusal =
  | "onetoone.chair"
  | "onetoone.future"
  | "onetoone.no-chair"
  | "onetoone.not-member"
  | "onetoone.self";

export type GlossaryRefusal = "glossary.not-found";

export type GroundRulesRefusal =
  | "groundrules.already-open"
  | "groundrules.answered"
  | "groundrules.closed"
  | "groundrules.gone"
  | "groundrules.no-members"
  | "groundrules.none";

export type AgendaRefusal =
  | "agenda.decided"
  | "agenda.gone"
  | "agenda.id"
  | "agenda.meeting-closed"
  | "agenda.meeting-started"
  | "agenda.no-chair"
  | "agenda.no-meeting"
  | "agenda.not-chair"
  | "agenda.not-found";

export type SupportRefusal = "support.already-done" | "support.id" | "support.not-found";

export type QuietRefusal = "quiet.past";

export type DecisionRefusal =
  | "decision.already-brought"
  | "decision.dissent-id"
  | "decision.dissent-not-found"
  | "decision.dissent-withdrawn"
  | "decision.id"
  | "decision.in-meeting"
  | "decision.meeting-closed"
  | "decision.meeting-started"
  | "decision.not-found"
  | "decision.text";
export type ReviewRefusal = "review.already-open" | "review.gone" | "review.incomplete" | "review.none";
export type ProgrammeRefusal =
  | "programme.add-not-allowed"
  | "programme.exists"
  | "programme.in-workstream"
  | "programme.leads-only"
  | "programme.name-taken"
  | "programme.not-here"
  | "programme.setting"
  | "programme.setup-in-dm"
  | "programme.which"
  | "programme.workstream-taken"
  | "programme.board-channel";

/** Free text and times, read the same way by every feature. */
export type InputRefusal = "text.too-long" | "time.unreadable";

/** The console's own forms, filled in line by line. */
export type ConsoleRefusal = "console.submit-choice" | "console.submit-field";

/** Every code `refuse()` accepts. */
export type RefusalCode =
  | UsageRefusal
  | CommandRefusal
  | WorkstreamRefusal
  | MemberRefusal
  | SettingRefusal
  | MeetingRefusal
  | CheckInRefusal
  | DissentRefusal
  | PapersRefusal
  | GlossaryRefusal
  | GroundRulesRefusal
  | AgendaRefusal
  | ParkingRefusal
  | OneToOneRefusal
  | SupportRefusal
  | QuietRefusal
  | DecisionRefusal
  | ReviewRefusal
  | ProgrammeRefusal
  | InputRefusal
  | ConsoleRefusal;
