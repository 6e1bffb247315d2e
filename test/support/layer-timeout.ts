import { jest } from '@jest/globals';

declare global {
  // Set per project in jest.config.js (`globals`).
  var layerTimeoutMs: number;
}

jest.setTimeout(globalThis.layerTimeoutMs);
