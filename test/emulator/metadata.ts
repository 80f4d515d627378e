/**
 * Developer metadata: key/value pairs attached to the spreadsheet or a sheet, found by key or value.
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
 * Every read goes through the same state, so two facades of one metadata see each other's changes.
 * Deleting a sheet deletes the metadata attached to it.
 */
import { instrument } from './core';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, enumName } from './enums';
import type { SheetState } from './grid';
import { EmuSheet, EmuSpreadsheet } from './sheets';
import type { MetaState, World } from './world';

type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/**
 * Adds metadata from the overloads (key), (key, visibility), (key, value), (key, value, visibility). The
 * emulator's enums are name strings, so a two-argument call whose second argument is exactly `DOCUMENT` or
 * `PROJECT` is read as a visibility.
 */
export function addMetadata(world: World, sheet: SheetState | null, args: unknown[]): MetaState {
  const [key, second, third] = args;
  if (typeof key !== 'string' || key === '') world.fail('Invalid argument: key');
  let value: string | null = null;
  let visibility: string = DeveloperMetadataVisibility.DOCUMENT;
  if (args.length === 2 && (second === 'DOCUMENT' || second === 'PROJECT')) visibility = second;
  else if (args.length >= 2) {
    value = second === null || second === undefined ? null : String(second);
    if (args.length >= 3) visibility = enumName(third);
  }
  const state: MetaState = { id: world.book.nextMetadataId++, key, value, visibility, sheet };
  world.book.metadata.push(state);
  return state;
}

export class EmuDeveloperMetadataLocation implements Pick<
  GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation,
  'getRow' | 'getColumn'
> {
  constructor(
    readonly core: World,
    private readonly state: MetaState,
  ) {}

  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    return (this.state.sheet
      ? DeveloperMetadataLocationType.SHEET
      : DeveloperMetadataLocationType.SPREADSHEET) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
  }

  getSheet(): EmuSheet | null {
    return this.state.sheet ? new EmuSheet(this.core, this.state.sheet) : null;
  }

  getSpreadsheet(): EmuSpreadsheet | null {
    return this.state.sheet ? null : new EmuSpreadsheet(this.core);
  }

  getRow(): null {
    return null;
  }

  getColumn(): null {
    return null;
  }
}
instrument(EmuDeveloperMetadataLocation, 'DeveloperMetadataLocation');

export class EmuDeveloperMetadata implements Pick<
  Metadata,
  'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'remove'
> {
  constructor(
    readonly core: World,
    readonly state: MetaState,
  ) {}

  getId(): number {
    return this.state.id;
  }

  getKey(): string {
    return this.state.key;
  }

  getValue(): string | null {
    return this.state.value;
  }

  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return this.state.visibility as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  }

  getLocation(): EmuDeveloperMetadataLocation {
    return new EmuDeveloperMetadataLocation(this.core, this.state);
  }

  setKey(key: string): this {
    this.state.key = key;
    return this;
  }

  setValue(value: string): this {
    this.state.value = value;
    return this;
  }

  setVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): this {
    this.state.visibility = enumName(visibility);
    return this;
  }

  remove(): void {
    this.core.book.metadata = this.core.book.metadata.filter((meta) => meta !== this.state);
  }
}
instrument(EmuDeveloperMetadata, 'DeveloperMetadata');

export class EmuDeveloperMetadataFinder {
  private key: string | null = null;
  private value: string | null = null;
  private visibility: string | null = null;
  private id: number | null = null;
  private locationType: string | null = null;

  /** `scope` null: the whole spreadsheet (every location); a sheet: that sheet's metadata. */
  constructor(
    readonly core: World,
    private readonly scope: SheetState | null,
  ) {}

  withKey(key: string): this {
    this.key = key;
    return this;
  }

  withValue(value: string): this {
    this.value = value;
    return this;
  }

  withVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): this {
    this.visibility = enumName(visibility);
    return this;
  }

  withId(id: number): this {
    this.id = id;
    return this;
  }

  withLocationType(locationType: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): this {
    this.locationType = enumName(locationType);
    return this;
  }

  find(): EmuDeveloperMetadata[] {
    return this.core.book.metadata
      .filter(
        (meta) =>
          (this.scope === null || meta.sheet === this.scope) &&
          (this.key === null || meta.key === this.key) &&
          (this.value === null || meta.value === this.value) &&
          (this.visibility === null || meta.visibility === this.visibility) &&
          (this.id === null || meta.id === this.id) &&
          (this.locationType === null || (meta.sheet ? 'SHEET' : 'SPREADSHEET') === this.locationType),
      )
      .map((meta) => new EmuDeveloperMetadata(this.core, meta));
  }
}
instrument(EmuDeveloperMetadataFinder, 'DeveloperMetadataFinder');
