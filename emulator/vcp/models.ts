import { randomUUID } from "node:crypto";
import {
  BulkRequestInvalid,
  PackageApplicationInvalid,
  PackageFieldInvalid,
  PackageInUse,
  PackageNotFound,
  PhoneNumberInvalid,
  PhoneNumberNotAssignable,
  PhoneNumberNotOnPackage,
} from "./errors";

/** A voice configuration package: the voice settings (chiefly the voice application) a group of numbers shares. */
export interface PackageRecord {
  /** The package id (a UUID). */
  voiceConfigurationPackageId: string;
  /** The account it belongs to. */
  accountId: string;
  /** Its name. */
  name: string;
  /** Its description. */
  description?: string;
  /** The Voice-V2 application that receives the calls of its numbers. */
  httpVoiceV2ApplicationId?: string;
  /** When it was created (ISO 8601). */
  createdDateTime: string;
  /** When it last changed (ISO 8601). */
  modifiedDateTime: string;
}

/** A create or update as the wire layer reads it: absent leaves a field alone, null clears an optional one. */
export interface PackageInput {
  /** The name; required on create, never cleared. */
  name?: string | null;
  /** The description. */
  description?: string | null;
  /** The Voice-V2 application. */
  httpVoiceV2ApplicationId?: string | null;
}

/** What a bulk request does to its numbers. */
export type BulkAction = "ADD" | "REMOVE";

/** A number's voice assignment, as the listing reports it. */
export interface VoiceNumber {
  /** The number, E.164. */
  phoneNumber: string;
  /** The package it is assigned to, if any. */
  voiceConfigurationPackageId?: string;
}

/** What the package model asks of the other models. */
export interface VcpHooks {
  /** Whether the 10-digit number is in service on the account. */
  isInService(accountId: string, tn: string): boolean;
  /** The account's numbers in service, 10 digits, sorted. */
  numbersInService(accountId: string): string[];
  /** Whether the id names a Voice-V2 application of the account. */
  isVoiceApplication(accountId: string, applicationId: string): boolean;
}

/** The package model's part of a state file. */
export interface VcpSnapshot {
  /** Every package. */
  packages: PackageRecord[];
  /** Number (E.164) → package id. */
  assignments: Array<[string, string]>;
}

const E164_NANP = /^\+1([2-9]\d{2}[2-9]\d{6})$/;

/**
 * Voice configuration packages and which numbers are assigned to them. A number is on at most one package (an ADD
 * moves it); a package with numbers cannot be deleted; a number leaving the account leaves its package.
 * Never touches HTTP or JSON.
 */
export class VcpModel {
  private packages = new Map<string, PackageRecord>();
  /** E.164 number → package id. */
  private assignments = new Map<string, string>();
  /** Called after every mutation (the state file hooks in here). */
  onChange?: () => void;

  constructor(
    private readonly hooks: VcpHooks,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a package; `name` is required. */
  createPackage(accountId: string, input: PackageInput): PackageRecord {
    if (typeof input.name !== "string" || input.name.trim() === "") throw new PackageFieldInvalid("name is required");
    this.checkApplication(accountId, input.httpVoiceV2ApplicationId);
    const at = new Date(this.now()).toISOString();
    const record: PackageRecord = {
      voiceConfigurationPackageId: randomUUID(),
      accountId,
      name: input.name,
      description: input.description ?? undefined,
      httpVoiceV2ApplicationId: input.httpVoiceV2ApplicationId ?? undefined,
      createdDateTime: at,
      modifiedDateTime: at,
    };
    this.packages.set(record.voiceConfigurationPackageId, record);
    this.onChange?.();
    return record;
  }

  /** A package of the account, or PackageNotFound. */
  getPackage(accountId: string, id: string): PackageRecord {
    const record = this.packages.get(id);
    if (!record || record.accountId !== accountId) throw new PackageNotFound(id);
    return record;
  }

  /** The account's packages, oldest first. */
  listPackages(accountId: string): PackageRecord[] {
    return [...this.packages.values()].filter((p) => p.accountId === accountId);
  }

  /** Changes the fields sent and only those. */
  updatePackage(accountId: string, id: string, input: PackageInput): PackageRecord {
    const record = this.getPackage(accountId, id);
    if (input.name === null || (typeof input.name === "string" && input.name.trim() === "")) {
      throw new PackageFieldInvalid("name cannot be empty");
    }
    this.checkApplication(accountId, input.httpVoiceV2ApplicationId);
    if (input.name !== undefined) record.name = input.name;
    if (input.description !== undefined) record.description = input.description ?? undefined;
    if (input.httpVoiceV2ApplicationId !== undefined) {
      record.httpVoiceV2ApplicationId = input.httpVoiceV2ApplicationId ?? undefined;
    }
    record.modifiedDateTime = new Date(this.now()).toISOString();
    this.onChange?.();
    return record;
  }

  /** Deletes a package; refused while numbers are assigned to it. */
  deletePackage(accountId: string, id: string): void {
    this.getPackage(accountId, id);
    const assigned = this.numbersOf(id);
    if (assigned.length > 0) throw new PackageInUse(id, assigned);
    this.packages.delete(id);
    this.onChange?.();
  }

  /** Adds numbers to the package (moving them from another) or removes them; all or nothing. */
  bulk(accountId: string, id: string, action: BulkAction, phoneNumbers: string[]): void {
    this.getPackage(accountId, id);
    if (phoneNumbers.length === 0) throw new BulkRequestInvalid("phoneNumbers must name at least one number");
    const invalid = phoneNumbers.filter((n) => !E164_NANP.test(n));
    if (invalid.length > 0) throw new PhoneNumberInvalid(invalid);
    if (action === "ADD") {
      const absent = phoneNumbers.filter((n) => !this.hooks.isInService(accountId, n.slice(2)));
      if (absent.length > 0) throw new PhoneNumberNotAssignable(absent);
      for (const n of phoneNumbers) this.assignments.set(n, id);
    } else {
      const elsewhere = phoneNumbers.filter((n) => this.assignments.get(n) !== id);
      if (elsewhere.length > 0) throw new PhoneNumberNotOnPackage(id, elsewhere);
      for (const n of phoneNumbers) this.assignments.delete(n);
    }
    this.onChange?.();
  }

  /** The numbers assigned to a package, sorted. */
  numbersOf(id: string): string[] {
    return [...this.assignments]
      .filter(([, pkg]) => pkg === id)
      .map(([n]) => n)
      .sort();
  }

  /** The package a number (E.164 or 10 digits) is assigned to, if any. */
  packageOf(number: string): string | undefined {
    return this.assignments.get(number.startsWith("+") ? number : `+1${number}`);
  }

  /** The account's numbers in service with their package, sorted; optionally only one package's. */
  voiceNumbers(accountId: string, packageId?: string): VoiceNumber[] {
    return this.hooks
      .numbersInService(accountId)
      .map((tn): VoiceNumber => ({ phoneNumber: `+1${tn}`, voiceConfigurationPackageId: this.packageOf(tn) }))
      .filter((n) => packageId === undefined || n.voiceConfigurationPackageId === packageId);
  }

  /** A number left its account: it leaves its package too. */
  numberReleased(tn: string): void {
    if (this.assignments.delete(`+1${tn}`)) this.onChange?.();
  }

  private checkApplication(accountId: string, applicationId: string | null | undefined): void {
    if (applicationId && !this.hooks.isVoiceApplication(accountId, applicationId)) {
      throw new PackageApplicationInvalid(applicationId);
    }
  }

  /** No packages, no assignments. */
  reset(): void {
    this.packages.clear();
    this.assignments.clear();
  }

  /** Everything needed to resume. */
  snapshot(): VcpSnapshot {
    return { packages: [...this.packages.values()], assignments: [...this.assignments.entries()] };
  }

  /** Replaces the state with a snapshot (absent in state files written before packages existed). */
  restore(s: VcpSnapshot | undefined): void {
    this.reset();
    for (const p of s?.packages ?? []) this.packages.set(p.voiceConfigurationPackageId, p);
    for (const [n, id] of s?.assignments ?? []) this.assignments.set(n, id);
  }
}
