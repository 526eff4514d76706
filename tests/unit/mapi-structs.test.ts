// The Simple MAPI structures as koffi lays them out on this (64-bit) machine must match Windows x64's
// MapiMessageW / MapiRecipDescW / MapiFileDescW (wine's mapi.h): 96 / 40 / 40 bytes, pointers at 8-byte
// offsets, strings as UTF-16. A wrong member type would shift every field after it.
import koffi from 'koffi';
import { describe, expect, it } from 'vitest';
import { MapiFileDescW, MapiMessageW, MapiRecipDescW } from '../../src/main/handoff/windows/mapi-structs.js';

describe('MAPI structures', () => {
  it('have the x64 sizes and offsets', () => {
    if (koffi.sizeof('void *') !== 8) return;
    expect([koffi.sizeof(MapiMessageW), koffi.sizeof(MapiRecipDescW), koffi.sizeof(MapiFileDescW)]).toEqual([
      96, 40, 40,
    ]);
    expect(koffi.offsetof(MapiMessageW, 'lpszSubject')).toBe(8);
    expect(koffi.offsetof(MapiMessageW, 'flFlags')).toBe(48);
    expect(koffi.offsetof(MapiMessageW, 'lpOriginator')).toBe(56);
    expect(koffi.offsetof(MapiMessageW, 'nRecipCount')).toBe(64);
    expect(koffi.offsetof(MapiMessageW, 'lpFiles')).toBe(88);
    expect(koffi.offsetof(MapiRecipDescW, 'lpszName')).toBe(8);
    expect(koffi.offsetof(MapiRecipDescW, 'ulEIDSize')).toBe(24);
    expect(koffi.offsetof(MapiFileDescW, 'lpszPathName')).toBe(16);
  });
});
