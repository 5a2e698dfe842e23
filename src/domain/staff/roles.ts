/** Staff roles, most powerful first. */
export const roles = ["owner", "organiser", "door"] as const;
export type Role = (typeof roles)[number];

/** What a signed-in staff member is, as routes and services see them. */
export type StaffIdentity = { id: string; email: string; name: string; role: Role };

/**
 * Who may do what. Owners do everything (and manage staff); organisers run events, orders,
 * exports and refunds; door staff only scan, for the events they are assigned to.
 */
export const permissions = {
  /** Anything every signed-in staff member may do (sign out, their own tokens). */
  signed_in: ["owner", "organiser", "door"],
  manage_staff: ["owner"],
  view_audit: ["owner"],
  /** The organisation's name, address, numbers and VAT, as receipts print them. */
  manage_settings: ["owner"],
  manage_events: ["owner", "organiser"],
  manage_orders: ["owner", "organiser"],
  export_attendees: ["owner", "organiser"],
  manage_members: ["owner", "organiser"],
  check_in: ["owner", "organiser", "door"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(staff: Pick<StaffIdentity, "role"> | null | undefined, permission: Permission): boolean {
  return Boolean(staff && (permissions[permission] as readonly Role[]).includes(staff.role));
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
