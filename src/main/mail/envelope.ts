// A message's SMTP envelope: the sender and every recipient (to, cc, bcc and the profile's Kontrollkopie,
// each once, as a bare address). A module of its own, without nodemailer, so that claiming a queued
// message for sending needs nothing of the composer.
import { bareAddress } from '../../shared/address.js';
import type { NormalisedDraft } from './compose.js';

export interface Envelope {
  from: string;
  to: string[];
}

export function envelopeOf(d: NormalisedDraft): Envelope {
  const copy = d.controlCopy ? [d.controlCopy] : [];
  return { from: d.from.address, to: [...new Set([...d.to, ...d.cc, ...d.bcc, ...copy].map(bareAddress))] };
}
