/** A person named in a command, as the platform identified them. */
export interface Mention {
  key: string;
  name: string;
  /** True when the platform sent the name with the mention (`<@U1|Sam>`), so it is current. */
  named: boolean;
}
