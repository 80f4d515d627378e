/**
 * The server entry: it only exposes the functions Apps Script may call. gas-webpack-plugin turns each
 * `global.name = …` below into a top-level `function name() {}` in Code.js, which is what makes it visible to
 * menus, triggers and google.script.run. Nothing else is exposed: any top-level function is callable from a client.
 */
import type { ServerApi } from '../shared/api';
import {
  countFilterSegment,
  deleteFilterSegment,
  getFilterTable,
  listFilterSegments,
  saveFilterSegment,
  setFilterSegmentEnabled,
} from './filters';
import { detectColumns, getProgress, getSegmentRows, openTab, runSegmentation } from './functions';
import { onInstall, onOpen, showSidebar } from './menu';
import { getSetup } from './setup';

declare const global: Record<string, unknown>;

const api: ServerApi = {
  getSetup,
  detectColumns,
  runSegmentation,
  getProgress,
  openTab,
  getSegmentRows,
  listFilterSegments,
  countFilterSegment,
  getFilterTable,
  saveFilterSegment,
  deleteFilterSegment,
  setFilterSegmentEnabled,
};

global.onOpen = onOpen;
global.onInstall = onInstall;
global.showSidebar = showSidebar;
global.getSetup = api.getSetup;
global.detectColumns = api.detectColumns;
global.runSegmentation = api.runSegmentation;
global.getProgress = api.getProgress;
global.openTab = api.openTab;
global.getSegmentRows = api.getSegmentRows;
global.listFilterSegments = api.listFilterSegments;
global.countFilterSegment = api.countFilterSegment;
global.getFilterTable = api.getFilterTable;
global.saveFilterSegment = api.saveFilterSegment;
global.deleteFilterSegment = api.deleteFilterSegment;
global.setFilterSegmentEnabled = api.setFilterSegmentEnabled;
