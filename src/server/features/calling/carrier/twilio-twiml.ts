/** The TwiML documents Levier answers Twilio with, written by the official library. */
import twilio from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import type { AnsweredScript } from './port.ts';

export function answerTwiml(script: AnsweredScript): string {
  const response = new twilio.twiml.VoiceResponse();
  if (script.hangUp) {
    response.hangup();
    return response.toString();
  }
  if (script.optOutDigit !== undefined) {
    if (!script.optOutUrl) throw new Error('An opt-out digit needs the URL its keypress calls');
    // The Play inside the Gather: a keypress while the message plays is caught at once, and
    // Twilio posts it (Digits) to the action. Any key ends the Gather: the action checks it.
    response
      .gather({ numDigits: 1, action: script.optOutUrl, method: 'POST' })
      .play(script.playUrl);
  } else {
    response.play(script.playUrl);
  }
  response.hangup();
  return response.toString();
}

export function optOutConfirmationTwiml(confirmation: { text: string; language: string }): string {
  const response = new twilio.twiml.VoiceResponse();
  // The library's language list is a closed union; Twilio is the judge of what it speaks.
  response.say(
    { language: confirmation.language as VoiceResponse.SayAttributes['language'] },
    confirmation.text,
  );
  response.hangup();
  return response.toString();
}
