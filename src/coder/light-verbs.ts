// Coder (shared word list): light verbs, whose object noun names the event the subject carries out.

/** Verbs whose object noun names the event the subject carries out ("launched an attack", "held talks"). */
export const LIGHT_VERBS = new Set(['launch', 'carry', 'conduct', 'stage', 'hold', 'make', 'mount', 'begin', 'start', 'continue', 'resume', 'announce', 'sign', 'issue', 'impose', 'extend', 'offer', 'provide', 'give', 'send', 'submit', 'file', 'renew', 'repeat', 'reiterate', 'express', 'voice', 'lodge', 'step', 'intensify', 'undertake', 'perpetrate', 'commit', 'have', 'open', 'agree', 'accept', 'reject', 'level', 'bring', 'press', 'raise', 'deliver', 'pass', 'adopt']);
