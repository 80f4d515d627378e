/**
 * The server entry: it only exposes the functions Apps Script may call. gas-webpack-plugin turns each
 * `global.name = …` below into a top-level `function name() {}` in Code.js, which is what makes it visible to
 * menus, triggers and google.script.run. Nothing else is exposed: any top-level function is callable from a client.
 */
import type { ServerApi } from '../shared/api';
import { startCampaign } from './campaigns';
import {
  countFilterSegment,
  deleteFilterSegment,
  getFilterTable,
  listFilterSegments,
  saveFilterSegment,
  setFilterSegmentEnabled,
} from './filters';
import {
  detectColumns,
  getProgress,
  getSegmentRows,
  openTab,
  runSegmentation,
  selectCell,
} from './functions';
import { guarded } from './guard';
import { onInstall, onOpen, showSidebar } from './menu';
import { getSetup, userLanguage } from './setup';

declare const global: Record<string, unknown>;

const user = () => userLanguage();
// Every function's unexpected failures reach the user in their language (guard.ts); the run words its own.
const api: ServerApi = {
  getSetup: guarded(getSetup, user),
  detectColumns: guarded(detectColumns, (_sheet, _kind, language) => language),
  runSegmentation,
  getProgress: guarded(getProgress, user),
  openTab: guarded(openTab, user),
  selectCell: guarded(selectCell, (_sheet, _a1, language) => language),
  getSegmentRows: guarded(getSegmentRows, (_tab, language) => language),
  listFilterSegments: guarded(listFilterSegments, (language) => language),
  countFilterSegment: guarded(countFilterSegment, (request) => request.language),
  getFilterTable: guarded(getFilterTable, (request) => request.language),
  saveFilterSegment: guarded(saveFilterSegment, (_segment, _original, language) => language),
  deleteFilterSegment: guarded(deleteFilterSegment, (_name, language) => language),
  setFilterSegmentEnabled: guarded(setFilterSegmentEnabled, (_name, _enabled, language) => language),
  startCampaign: guarded(startCampaign, (request) => request.data.language),
};

global.onOpen = onOpen;
global.onInstall = onInstall;
global.showSidebar = showSidebar;
global.getSetup = api.getSetup;
global.detectColumns = api.detectColumns;
global.runSegmentation = api.runSegmentation;
global.getProgress = api.getProgress;
global.openTab = api.openTab;
global.selectCell = api.selectCell;
global.getSegmentRows = api.getSegmentRows;
global.listFilterSegments = api.listFilterSegments;
global.countFilterSegment = api.countFilterSegment;
global.getFilterTable = api.getFilterTable;
global.saveFilterSegment = api.saveFilterSegment;
global.deleteFilterSegment = api.deleteFilterSegment;
global.setFilterSegmentEnabled = api.setFilterSegmentEnabled;
global.startCampaign = api.startCampaign;
