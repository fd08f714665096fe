import type { SeedArticle } from "./types";

/**
 * Demo articles for the publishing lifecycle (issue 16): one approved and scheduled to go live in
 * 7 days, one withdrawn with its public reason, one archived with a pointer to its successor.
 * Each claim comes from the reference cited next to it; the prose is our own.
 */
const NO_COI = "The author reports no conflicts of interest.";

export type LifecycleSeed = SeedArticle &
  (
    | { lifecycle: "scheduled"; publishInDays: number }
    | { lifecycle: "withdrawn"; reason: string }
    | { lifecycle: "archived"; successorSlug: string }
  );

export const lifecycleSeedArticles: LifecycleSeed[] = [
  {
    slug: "breaking-up-sitting-time-older-adults",
    topic: "Physical activity",
    state: "approved",
    reviewedMonthsAgo: 0,
    lifecycle: "scheduled",
    publishInDays: 7,
    content: {
      question: "Should older adults break up long periods of sitting?",
      clinicianBody: `Older adults should limit the time spent sedentary and replace it with physical activity of any intensity, including light intensity, which still carries health benefit [@bull2020].

- Encourage regular, varied activity that emphasises functional balance and strength training to reduce falls [@bull2020].
- Some activity is better than none; those not meeting recommendations should start small and increase gradually [@bull2020].`,
      patientBody: `Sitting for long stretches is not good for you. Getting up and moving, even gently, helps [@bull2020].

- Stand up and walk around the room during a long TV show or phone call.
- Any movement counts. Start small and do a bit more each week [@bull2020].`,
      disclosure: NO_COI,
    },
  },
  {
    slug: "standing-desks-for-back-pain",
    topic: "Physical activity",
    state: "approved",
    reviewedMonthsAgo: 2,
    lifecycle: "withdrawn",
    reason:
      "We are rechecking this answer against the current physical activity guideline; it will return once the board has reviewed it again.",
    content: {
      question: "Does a standing desk help with back pain?",
      clinicianBody: `Replacing sedentary time with physical activity of any intensity carries health benefit for adults [@bull2020]. Evidence that a standing desk by itself relieves low back pain is limited; pair reduced sitting with regular activity.`,
      patientBody: `Sitting less and moving more is good for your health [@bull2020]. A standing desk alone may not fix back pain. Take short walks and keep active during the day.`,
      disclosure: NO_COI,
    },
  },
  {
    slug: "walking-after-giving-birth",
    topic: "Obstetrics",
    state: "approved",
    reviewedMonthsAgo: 6,
    lifecycle: "archived",
    successorSlug: "postpartum-back-pain-exercise-3-months",
    content: {
      question: "Is walking enough exercise after giving birth?",
      clinicianBody: `After an uncomplicated birth, physical activity can usually be resumed gradually; walking is a practical start, progressing towards at least 150 minutes of moderate-intensity activity per week [@american2020].`,
      patientBody: `Walking is a good way to start moving again after your baby is born. Build up slowly. Over time, aim for about 150 minutes of brisk activity a week [@american2020].`,
      disclosure: NO_COI,
    },
  },
];
