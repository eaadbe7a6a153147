/**
 * Words that carry no topic. They are dropped before matching so that "how do I use docker run"
 * and "docker run" mean the same, and so that out-of-domain questions are judged on their topic
 * words alone.
 */
export const FILLER_WORDS = new Set(
  `a about above actually after again all also am an and any anyone anything are as at be because been
  being below between both but by can can't cannot could day define definition describe detail details did do does doing
  don't done each eli5 else even ever every example examples exactly explain explained explanation
  few for from get gets getting give go going good got had has have having he her here how i i'd i'm if in into is
  isn't it it's its just know learn let like lot m me mean meaning means more most much must my need
  needs new no not now of off ok on once only or other our out over own please pls plz quick quickly
  re really s same say see should show simple simply so some something still such sure t teach tell than that
  that's the their them then there these they thing things this those through to too u under understand
  up ur us use used uses using ve very want was way we well were what what's whats when where which
  while who why will with work works working would wondering yes you your
  terms plain english layman laymans dummies five basically briefly hood wtf heck everyone everybody folks technically literally best stuff
  make come around whole bunch kind sort actual lol`
    .split(/\s+/)
    .filter(Boolean),
);

/** Small talk: on its own it gets the help reply, not a concept. */
export const GREETING_WORDS = new Set(
  `hello hi hey hiya yo howdy greetings morning evening afternoon thanks thank thx ty cheers help
  bye goodbye sup hallo hola`
    .split(/\s+/)
    .filter(Boolean),
);
