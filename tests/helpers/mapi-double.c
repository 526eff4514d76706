/*
 * TEST DOUBLE of a Simple MAPI provider (Windows' mapi32.dll does not exist on Linux). Compiled with
 * gcc at test time (tests/helpers/mapi-double.ts) into a shared library that exports MAPISendMailW with
 * the signature of mapi32.dll's, so the real koffi marshalling of OPOS Mail's hand-off code is exercised.
 *
 * It records exactly what it received (UTF-16 strings decoded to UTF-8, recipient classes, flags, file
 * paths and names) as one JSON object in the file named by OPOS_MAPI_DOUBLE_RECORD, then returns the
 * number in OPOS_MAPI_DOUBLE_RETURN (default 0), or calls abort() when that variable is "abort".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint32_t ULONG;
typedef uint16_t WCHAR16; /* Windows' wchar_t: 2 bytes (Linux' wchar_t has 4) */

typedef struct {
  ULONG ulReserved;
  ULONG flFlags;
  ULONG nPosition;
  WCHAR16 *lpszPathName;
  WCHAR16 *lpszFileName;
  void *lpFileType;
} MapiFileDescW;

typedef struct {
  ULONG ulReserved;
  ULONG ulRecipClass;
  WCHAR16 *lpszName;
  WCHAR16 *lpszAddress;
  ULONG ulEIDSize;
  void *lpEntryID;
} MapiRecipDescW;

typedef struct {
  ULONG ulReserved;
  WCHAR16 *lpszSubject;
  WCHAR16 *lpszNoteText;
  WCHAR16 *lpszMessageType;
  WCHAR16 *lpszDateReceived;
  WCHAR16 *lpszConversationID;
  ULONG flFlags;
  MapiRecipDescW *lpOriginator;
  ULONG nRecipCount;
  MapiRecipDescW *lpRecips;
  ULONG nFileCount;
  MapiFileDescW *lpFiles;
} MapiMessageW;

/* Writes a UTF-16 string as a JSON string (UTF-8, escaped), or null for a NULL pointer. */
static void put_str(FILE *f, const WCHAR16 *s) {
  if (!s) {
    fputs("null", f);
    return;
  }
  fputc('"', f);
  for (size_t i = 0; s[i]; i++) {
    uint32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      i++;
    }
    if (c == '"' || c == '\\') {
      fputc('\\', f);
      fputc((int)c, f);
    } else if (c < 0x20) {
      fprintf(f, "\\u%04x", c);
    } else if (c < 0x80) {
      fputc((int)c, f);
    } else if (c < 0x800) {
      fputc(0xC0 | (c >> 6), f);
      fputc(0x80 | (c & 0x3F), f);
    } else if (c < 0x10000) {
      fputc(0xE0 | (c >> 12), f);
      fputc(0x80 | ((c >> 6) & 0x3F), f);
      fputc(0x80 | (c & 0x3F), f);
    } else {
      fputc(0xF0 | (c >> 18), f);
      fputc(0x80 | ((c >> 12) & 0x3F), f);
      fputc(0x80 | ((c >> 6) & 0x3F), f);
      fputc(0x80 | (c & 0x3F), f);
    }
  }
  fputc('"', f);
}

ULONG MAPISendMailW(uintptr_t session, uintptr_t uiParam, MapiMessageW *msg, ULONG flags,
                    ULONG reserved) {
  const char *path = getenv("OPOS_MAPI_DOUBLE_RECORD");
  if (path && *path) {
    FILE *f = fopen(path, "w");
    if (f) {
      fprintf(f, "{\"session\":%lu,\"uiParam\":%lu,\"flags\":%u,\"reserved\":%u,",
              (unsigned long)session, (unsigned long)uiParam, flags, reserved);
      fprintf(f, "\"messageReserved\":%u,\"messageFlags\":%u,\"subject\":", msg->ulReserved,
              msg->flFlags);
      put_str(f, msg->lpszSubject);
      fputs(",\"noteText\":", f);
      put_str(f, msg->lpszNoteText);
      fputs(",\"messageType\":", f);
      put_str(f, msg->lpszMessageType);
      fprintf(f, ",\"originator\":%s,\"recipients\":[", msg->lpOriginator ? "true" : "null");
      for (ULONG i = 0; i < msg->nRecipCount; i++) {
        MapiRecipDescW *r = &msg->lpRecips[i];
        fprintf(f, "%s{\"class\":%u,\"name\":", i ? "," : "", r->ulRecipClass);
        put_str(f, r->lpszName);
        fputs(",\"address\":", f);
        put_str(f, r->lpszAddress);
        fprintf(f, ",\"eidSize\":%u}", r->ulEIDSize);
      }
      fputs("],\"files\":[", f);
      for (ULONG i = 0; i < msg->nFileCount; i++) {
        MapiFileDescW *d = &msg->lpFiles[i];
        fprintf(f, "%s{\"flags\":%u,\"position\":%u,\"path\":", i ? "," : "", d->flFlags,
                d->nPosition);
        put_str(f, d->lpszPathName);
        fputs(",\"name\":", f);
        put_str(f, d->lpszFileName);
        fprintf(f, ",\"fileType\":%s}", d->lpFileType ? "true" : "null");
      }
      fputs("]}\n", f);
      fclose(f);
    }
  }
  const char *ret = getenv("OPOS_MAPI_DOUBLE_RETURN");
  if (ret && strcmp(ret, "abort") == 0) abort();
  return ret && *ret ? (ULONG)strtoul(ret, NULL, 10) : 0;
}
