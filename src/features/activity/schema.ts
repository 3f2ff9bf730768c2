// The activity feature reads the platform's audit_event table; it keeps no table of its own.
export {};

declare module '../../platform/policy/policy.ts' {
  interface RecordTypes {
    'audit-event': true;
  }
  interface Abilities {
    'read-activity': true;
  }
}
