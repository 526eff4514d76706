// The Simple MAPI ABI as koffi declarations: the three structures of MAPISendMailW (wine's mapi.h) with
// explicit UTF-16 strings (`str16`: Windows' wchar_t is 2 bytes, Linux' 4), and the function itself.
// Loaded only inside the hand-off child process (mapi-child.ts), never by the app or the CLI.
import koffi from 'koffi';

/** x64 sizes 40 / 40 / 96 bytes (x86: 24 / 24 / 48); checked by tests/unit/mapi-structs.test.ts. */
export const MapiFileDescW = koffi.struct('MapiFileDescW', {
  ulReserved: 'uint32',
  flFlags: 'uint32',
  nPosition: 'uint32',
  lpszPathName: 'str16',
  lpszFileName: 'str16',
  lpFileType: 'void *',
});

export const MapiRecipDescW = koffi.struct('MapiRecipDescW', {
  ulReserved: 'uint32',
  ulRecipClass: 'uint32',
  lpszName: 'str16',
  lpszAddress: 'str16',
  ulEIDSize: 'uint32',
  lpEntryID: 'void *',
});

export const MapiMessageW = koffi.struct('MapiMessageW', {
  ulReserved: 'uint32',
  lpszSubject: 'str16',
  lpszNoteText: 'str16',
  lpszMessageType: 'str16',
  lpszDateReceived: 'str16',
  lpszConversationID: 'str16',
  flFlags: 'uint32',
  lpOriginator: koffi.pointer(MapiRecipDescW),
  nRecipCount: 'uint32',
  lpRecips: koffi.pointer(MapiRecipDescW),
  nFileCount: 'uint32',
  lpFiles: koffi.pointer(MapiFileDescW),
});

/** `ULONG MAPISendMailW(LHANDLE, ULONG_PTR, lpMapiMessageW, FLAGS, ULONG)`, __stdcall on x86. */
export type MapiSendMailW = (
  session: number,
  uiParam: number,
  message: unknown,
  flags: number,
  reserved: number,
) => number;

export function loadMapiSendMailW(library: string): MapiSendMailW {
  const lib = koffi.load(library);
  return lib.func('__stdcall', 'MAPISendMailW', 'uint32', [
    'uintptr_t',
    'uintptr_t',
    koffi.pointer(MapiMessageW),
    'uint32',
    'uint32',
  ]) as MapiSendMailW;
}

/** COM for the calling thread as a single-threaded apartment (Windows only: ole32.dll). */
export function initComSta(): { hr: number; uninitialize: () => void } {
  const ole32 = koffi.load('ole32.dll');
  const coInitializeEx = ole32.func('__stdcall', 'CoInitializeEx', 'int32', ['void *', 'uint32']);
  const coUninitialize = ole32.func('__stdcall', 'CoUninitialize', 'void', []) as () => void;
  const COINIT_APARTMENTTHREADED = 0x2;
  const hr = coInitializeEx(null, COINIT_APARTMENTTHREADED) as number;
  // S_OK and S_FALSE (already an STA) must each be balanced by one CoUninitialize
  return { hr, uninitialize: () => (hr >= 0 ? coUninitialize() : undefined) };
}
