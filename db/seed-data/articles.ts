import type { SeedArticle } from "./types";

/**
 * Demo articles, one or more in every workflow state. Every figure in these wordings comes
 * from the reference cited next to it (see references.ts); the prose is our own.
 */

const NO_COI = "The author reports no conflicts of interest.";

// Passages the earlier approved versions of "how much exercise during pregnancy" did not have yet.
const POSTPARTUM_MOOD = ", and physical activity helps protect against postpartum depression";
const PELVIC_FLOOR =
  "\n- Daily pelvic floor muscle training may reduce the risk of urinary incontinence; yoga and gentle stretching may also be beneficial [@mottola2018].";
const LYING_FLAT_CLINICIAN =
  "\n- Women who feel light-headed, nauseated or unwell lying flat on their back should change position [@mottola2018].";
const LYING_FLAT_PATIENT = "\n- Lying flat on your back if it makes you dizzy or sick [@mottola2018]";

/** The text with one passage taken out (an earlier version's wording); a passage that isn't there is a mistake here. */
function without(text: string, ...parts: string[]): string {
  return parts.reduce((out, part) => {
    if (!out.includes(part)) throw new Error(`seed: passage not found: ${part.slice(0, 60)}`);
    return out.replace(part, "");
  }, text);
}

// ---------------------------------------------------------------------------------------------
// Postpartum back pain at 3 months: approved and live, with a newer revision under review.
// ---------------------------------------------------------------------------------------------

const POSTPARTUM_QUESTION = "What exercises help postpartum back pain at 3 months?";

const postpartumClinicianV1 = `Three months after birth, persistent low back or pelvic girdle pain is best managed with a gradually progressed programme that pairs regular moderate-intensity aerobic activity with muscle strengthening and individually guided trunk stabilisation, once obstetric complications and red flags have been excluded [@american2020; @bull2020]. Trial support is strongest for supervised, individualised stabilising exercise; the same kind of exercise done at home without supervision did not beat natural recovery [@stuge2004; @gutke2010].

## Aerobic activity

- Build towards at least 150 minutes per week of moderate-intensity aerobic activity spread across the week. Brisk walking (including with a pram), stationary cycling and, once wounds have healed, swimming are practical choices [@bull2020; @american2020].
- Women who were inactive, or who are recovering from caesarean birth or perineal injury, should start with short bouts and progress over several weeks as comfort allows [@american2020].
- Some activity is better than none: replacing sitting time with light activity still carries benefit [@bull2020].

## Strengthening and trunk stabilisation

- Include muscle-strengthening activity; for adults generally this means the major muscle groups on 2 or more days per week, with gentle stretching if it helps [@bull2020].
- Begin with low-load activation of the deep stabilisers (transversus abdominis with pelvic floor and multifidus co-contraction), then progress to the global trunk, hip and gluteal muscles and to functional tasks such as lifting a car seat.
- In a randomised trial of 81 women with pelvic girdle pain after pregnancy, 20 weeks of physiotherapy built around specific stabilising exercise, individually adjusted and supervised, cut disability by more than half; the between-group difference in median evening pain was 30 mm on a 100-mm VAS, and the advantage held at 1 year postpartum [@stuge2004].
- By contrast, 88 women recruited at 3 months postpartum who did specific stabilising exercises at home improved no more on the Oswestry Disability Index than controls who had a single telephone contact [@gutke2010].
- Pelvic floor muscle training can start in the early postpartum period and fits into the same sessions [@american2020].

## Counselling and safety

- Regular aerobic exercise does not reduce milk volume or composition or affect infant growth; feeding before exercise improves comfort [@american2020].
- Set realistic expectations: in both arms of the home-exercise trial most women still reported some pain almost a year after delivery [@gutke2010].
- Reassess rather than progress exercise if there is a new neurological deficit, saddle anaesthesia, bladder or bowel dysfunction, fever, unremitting night pain or signs of venous thromboembolism.`;

const postpartumClinicianV2 = `Three months after birth, persistent low back or pelvic girdle pain is best managed with a gradually progressed programme that pairs regular moderate-intensity aerobic activity with muscle strengthening and individually guided trunk stabilisation, once obstetric complications and red flags have been excluded [@american2020; @bull2020]. Trial support is strongest for supervised, individualised stabilising exercise; the same kind of exercise done at home without supervision did not beat natural recovery [@stuge2004; @gutke2010].

## Aerobic activity

- Build towards at least 150 minutes per week of moderate-intensity aerobic activity spread across the week. Brisk walking (including with a pram), stationary cycling and, once wounds have healed, swimming are practical choices [@bull2020; @american2020].
- Women who were inactive, or who are recovering from caesarean birth or perineal injury, should start with short bouts and progress over several weeks as comfort allows [@american2020].
- Some activity is better than none: replacing sitting time with light activity still carries benefit [@bull2020].

## Strengthening and trunk stabilisation

- Include muscle-strengthening activity; for adults generally this means the major muscle groups on 2 or more days per week, with gentle stretching if it helps [@bull2020].
- Examine for diastasis recti before prescribing trunk work. Where a gap is present, adding a deep core stability programme to traditional abdominal exercises, 3 sessions a week for 8 weeks, narrowed the inter-recti distance and improved physical function more than traditional exercises alone in a trial of 40 postpartum women [@thabet2019].
- In a randomised trial of 81 women with pelvic girdle pain after pregnancy, 20 weeks of physiotherapy built around specific stabilising exercise, individually adjusted and supervised, cut disability by more than half; the between-group difference in median evening pain was 30 mm on a 100-mm VAS, and the advantage held at 1 year postpartum [@stuge2004].
- By contrast, 88 women recruited at 3 months postpartum who did specific stabilising exercises at home improved no more on the Oswestry Disability Index than controls who had a single telephone contact [@gutke2010].
- Pelvic floor muscle training can start in the early postpartum period and fits into the same sessions [@american2020].

## Counselling and safety

- Regular aerobic exercise does not reduce milk volume or composition or affect infant growth; feeding before exercise improves comfort [@american2020].
- Set realistic expectations: in both arms of the home-exercise trial most women still reported some pain almost a year after delivery [@gutke2010].
- Reassess rather than progress exercise if there is a new neurological deficit, saddle anaesthesia, bladder or bowel dysfunction, fever, unremitting night pain or signs of venous thromboembolism.`;

const postpartumPatientV1 = `## The short answer

Regular walking, plus exercises that slowly build up the muscles of your belly, back, hips and pelvic floor, can ease back pain after having a baby. Start small and add a little more each week [@american2020; @bull2020].

## You are not alone

Back or pelvic pain that is still there 3 months after birth is common. In one study, about 1 in 3 women had this kind of pain at 3 months, and many of them found everyday tasks hard [@gutke2011].

## Move a little most days

- Work up to about 150 minutes a week. That could be 30 minutes on 5 days.
- Short walks count. Pushing the stroller counts too.
- If you had a C-section or a hard birth, start slowly and build up over a few weeks [@american2020].
- Try not to sit for a long time. Get up and move when you can [@bull2020].

## Build strength

- Do exercises that make your muscles work on at least 2 days a week [@bull2020].
- Begin with gentle core work. Tighten your deep tummy muscles and your pelvic floor, then add moves like bridges.
- A physical therapist can pick exercises for you and check how you do them. In one study, women whose exercises were tailored and checked by a therapist had less pain a year after birth [@stuge2004]. In another, doing exercises at home alone did not help more than waiting [@gutke2010].

## Good to know

- Exercise will not harm your milk supply. Feeding your baby first can make it more comfortable [@american2020].
- Healing takes time. Many women still have some pain close to a year after birth, so keep going [@gutke2010].

## Call your doctor right away if you have

- Numbness between your legs, or trouble controlling your bladder or bowels
- Weak legs, a fever, or pain that wakes you at night
- A swollen, painful calf or sudden shortness of breath`;

const postpartumPatientV2 = `## The short answer

Regular walking, plus exercises that slowly build up the muscles of your belly, back, hips and pelvic floor, can ease back pain after having a baby. Start small and add a little more each week [@american2020; @bull2020].

## You are not alone

Back or pelvic pain that is still there 3 months after birth is common. In one study, about 1 in 3 women had this kind of pain at 3 months, and many of them found everyday tasks hard [@gutke2011].

## Move a little most days

- Work up to about 150 minutes a week. That could be 30 minutes on 5 days.
- Short walks count. Pushing the stroller counts too.
- If you had a C-section or a hard birth, start slowly and build up over a few weeks [@american2020].
- Try not to sit for a long time. Get up and move when you can [@bull2020].

## Build strength

- Do exercises that make your muscles work on at least 2 days a week [@bull2020].
- Ask your doctor or physical therapist to check for a gap between your belly muscles. If you have one, deep core exercises done 3 times a week for 8 weeks helped close the gap more than regular tummy exercises alone [@thabet2019].
- A physical therapist can pick exercises for you and check how you do them. In one study, doing exercises at home alone did not help more than waiting [@gutke2010].

## Good to know

- Exercise will not harm your milk supply. Feeding your baby first can make it more comfortable [@american2020].
- Healing takes time. Many women still have some pain close to a year after birth, so keep going [@gutke2010].

## Call your doctor right away if you have

- Numbness between your legs, or trouble controlling your bladder or bowels
- Weak legs, a fever, or pain that wakes you at night
- A swollen, painful calf or sudden shortness of breath`;

// ---------------------------------------------------------------------------------------------

export const seedArticles: SeedArticle[] = [
  {
    slug: "postpartum-back-pain-exercise-3-months",
    topic: "Obstetrics",
    state: "approved_with_revision_in_review",
    reviewedMonthsAgo: 4,
    content: {
      question: POSTPARTUM_QUESTION,
      clinicianBody: postpartumClinicianV1,
      patientBody: postpartumPatientV1,
      disclosure: NO_COI,
    },
    nextRevision: {
      question: POSTPARTUM_QUESTION,
      clinicianBody: postpartumClinicianV2,
      patientBody: postpartumPatientV2,
      disclosure: NO_COI,
    },
  },

  // -------------------------------------------------------------------------------------------
  {
    slug: "ibuprofen-while-breastfeeding",
    topic: "Obstetrics",
    state: "draft",
    content: {
      question: "Is it safe to take ibuprofen while breastfeeding?",
      clinicianBody: `Ibuprofen is a preferred analgesic and anti-inflammatory drug for breastfeeding women: very little of it reaches breast milk, its half-life is short, and infants safely receive direct doses far larger than anything they could take in through milk [@national2006]. Breastfeeding does not need to be interrupted, and doses do not need to be timed around feeds.

## Transfer into milk

- In two early studies, mothers took 400 mg twice daily or 400 mg every 6 hours, and ibuprofen was undetectable in milk (assay limits of 0.5 and 1 mg/L) [@national2006].
- A later study with a more sensitive assay found 13 mcg/L in one woman's milk 30 minutes after the first of six 400 mg doses, a trivial exposure for the infant [@national2006].
- Only a small proportion of medicines are contraindicated during lactation. Advising a mother to stop breastfeeding, or to go without a needed drug, is often unnecessary and carries its own harm; the American Academy of Pediatrics refers clinicians to LactMed for current drug-specific data [@sachs2013].

## Prescribing in practice

- NSAIDs such as ibuprofen are standard first-line agents for postpartum pain, including afterpains, perineal pain and pain after caesarean birth [@cunningham2022].
- Lactation does not change the maternal contraindications: active peptic ulcer disease or gastrointestinal bleeding, significant renal impairment, NSAID-exacerbated asthma and concurrent anticoagulation.
- Use the lowest effective dose for the shortest time needed. Single-ingredient products are easier to track than combination cold and flu remedies, which may contain decongestants or other drugs.
- No infant monitoring is needed for a healthy term baby. Take more care with preterm or unwell neonates and discuss with the paediatric team.

## Alternatives

- Acetaminophen is the usual alternative or add-on when an NSAID is unsuitable [@national2006].
- Opioids, codeine in particular, can cause sedation in the breastfed infant; if one is needed, use the lowest dose for the shortest time and ask parents to watch for drowsiness or poor feeding [@sachs2013].`,
      patientBody: `## The short answer

Yes. Ibuprofen (Advil, Motrin) is one of the best pain relievers to use while you breastfeed. Only a tiny amount gets into your milk [@national2006].

## What to know

- You do not need to stop breastfeeding or pump and throw away milk.
- Take the lowest dose that works, for as short a time as you can.
- Most medicines are fine while breastfeeding. Ask before you stop nursing because of a medicine [@sachs2013].

## Check with your doctor first if

- Your baby was born early or is sick
- You have had stomach ulcers, kidney problems or asthma that gets worse with pain relievers`,
      disclosure: NO_COI,
    },
  },

  // -------------------------------------------------------------------------------------------
  {
    slug: "when-to-screen-adults-for-type-2-diabetes",
    topic: "Endocrinology",
    state: "submitted",
    content: {
      question: "When should adults be screened for type 2 diabetes?",
      clinicianBody: `Screen asymptomatic, nonpregnant adults aged 35 to 70 years who have overweight or obesity for prediabetes and type 2 diabetes, and refer those with prediabetes to an effective preventive intervention (USPSTF grade B) [@us2021]. The American Diabetes Association casts a wider net: test every adult from age 35, and test at any age when overweight (BMI ≥25 kg/m², or ≥23 kg/m² in Asian American adults) comes with an additional risk factor [@american2024].

## Who to test earlier or more often

- Consider screening before 35 in people with a family history of diabetes, previous gestational diabetes or polycystic ovary syndrome, and in groups with higher prevalence (American Indian or Alaska Native, Black, Hispanic or Latino, Native Hawaiian or Pacific Islander adults); in Asian American adults, consider screening at a lower BMI of 23 kg/m² or more [@us2021].
- ADA risk factors that prompt testing in adults with overweight include a first-degree relative with diabetes, hypertension (≥130/80 mm Hg or on treatment), HDL cholesterol below 35 mg/dL or triglycerides above 250 mg/dL, cardiovascular disease, physical inactivity and signs of insulin resistance such as acanthosis nigricans [@american2024].
- Test people with prediabetes every year, and women with previous gestational diabetes at least every 3 years for life [@american2024].

## Tests and thresholds

- Fasting plasma glucose, HbA1c and the 75-g oral glucose tolerance test are all acceptable [@us2021; @american2024].
- Diabetes: HbA1c ≥6.5% (48 mmol/mol), fasting glucose ≥126 mg/dL (7.0 mmol/L) or 2-hour glucose ≥200 mg/dL (11.1 mmol/L). Confirm with a repeat test unless the diagnosis is clinically unequivocal [@american2024].
- Prediabetes: HbA1c 5.7–6.4% (39–47 mmol/mol), fasting glucose 100–125 mg/dL or 2-hour glucose 140–199 mg/dL [@american2024].
- After a normal result, rescreening about every 3 years is a reasonable interval [@us2021].

## Why screen?

- Two screening trials with 25,120 participants showed no difference in mortality at 10 years, so the benefit depends on what follows detection [@jonas2021].
- In people with overweight or obesity and prediabetes, lifestyle interventions reduced progression to diabetes, and intensive glucose control in recently diagnosed diabetes improved long-term outcomes, including all-cause mortality (RR 0.87 over 20 years in UKPDS follow-up) [@jonas2021].`,
      patientBody: `## Who should get tested?

- Adults aged 35 to 70 who are overweight should have a blood test for diabetes, even if they feel fine [@us2021].
- The American Diabetes Association says all adults should start testing at age 35 [@american2024].
- You may need a test sooner if diabetes runs in your family, you had diabetes during a pregnancy, you have polycystic ovary syndrome (PCOS), or you have high blood pressure [@us2021; @american2024].

## What is the test?

It is a simple blood test. Your doctor may check:

- Your A1C. This shows your average blood sugar over about 3 months.
- Your blood sugar after you have not eaten overnight.
- Your blood sugar 2 hours after a sweet drink.

An A1C of 6.5% or higher on two tests means diabetes. An A1C from 5.7% to 6.4% means prediabetes. That means your blood sugar is higher than normal but not yet diabetes [@american2024].

## How often?

- If your result is normal, testing again about every 3 years is reasonable [@us2021].
- If you have prediabetes, get tested once a year.
- If you had diabetes in a pregnancy, get tested at least every 3 years for the rest of your life [@american2024].

## Why it matters

Type 2 diabetes often causes no symptoms for years. Finding prediabetes early gives you time to act. Eating well, moving more and losing some weight can lower your chance of getting diabetes. Ask your doctor about a diabetes prevention program near you [@us2021].`,
      disclosure:
        "The author has received honoraria for continuing-education talks from a nonprofit diabetes prevention program. No relationship with any manufacturer of glucose tests or diabetes medicines.",
    },
  },

  // -------------------------------------------------------------------------------------------
  {
    slug: "how-much-physical-activity-do-adults-need",
    topic: "Preventive care",
    state: "under_review",
    // Overdue past the escalation point (escalateAfterDays, default 7): the reminder tick tells the
    // unsigned reviewer and escalates to the admin and the assigning editor as soon as the app starts.
    panelDueInDays: -9,
    content: {
      question: "How much physical activity do adults need each week?",
      clinicianBody: `Adults should accumulate 150 to 300 minutes a week of moderate-intensity aerobic activity, or 75 to 150 minutes of vigorous-intensity activity, or an equivalent combination, and do muscle-strengthening activity involving the major muscle groups on 2 or more days a week [@piercy2018; @bull2020]. The 2019 ACC/AHA primary-prevention guideline sets the same floor of 150 moderate or 75 vigorous minutes a week [@arnett2019].

## Dose and response

- Benefit continues beyond 300 minutes a week of moderate activity, so more is better for most outcomes [@piercy2018; @bull2020].
- Aerobic activity no longer has to come in bouts of at least 10 minutes; any duration counts toward the weekly total [@piercy2018].
- For adults who cannot yet reach the target, some moderate or vigorous activity is still beneficial and is the right place to start [@arnett2019; @bull2020].
- About 80% of U.S. adults and adolescents are insufficiently active, so for most patients the aim is to move them up the curve, not simply past a threshold [@piercy2018].

## Sedentary time

- Limit sitting and replace it with activity of any intensity, including light activity [@bull2020].
- Evidence was insufficient to set a numerical limit on sedentary time. Doing more than the recommended moderate-to-vigorous activity helps offset the harm of long sitting [@bull2020].

## Older adults and chronic conditions

- From age 65, add varied multicomponent activity that emphasises functional balance and strength training at moderate or greater intensity on 3 or more days a week, to improve function and prevent falls [@bull2020; @piercy2018].
- Adults with chronic conditions or disability should follow the same targets as far as they are able, adapted with their clinician [@bull2020].

## Intensity in practice

- Moderate intensity (about 3 to 5.9 METs): brisk walking, cycling on level ground, doubles tennis. The patient can talk but not sing.
- Vigorous intensity (6 METs or more): running, swimming laps, singles tennis. The patient can say only a few words without pausing for breath.

## Counselling

- Ask about activity at each visit, agree a specific weekly plan and review it; adults should be counselled routinely to optimise a physically active lifestyle [@arnett2019].`,
      patientBody: `## The weekly goal

- Get at least 150 minutes of moderate activity each week. That is 30 minutes on 5 days [@piercy2018].
- Or get 75 minutes of hard activity, like running, each week [@piercy2018; @bull2020].
- On 2 or more days, do things that make your muscles work hard. Lifting weights, push-ups and heavy gardening all count [@bull2020].

## What counts?

- Moderate activity makes you breathe faster, but you can still talk. Brisk walking, dancing and biking on flat ground are good examples.
- Hard activity makes it difficult to say more than a few words.
- Every minute counts. Short walks add up, even a few minutes at a time [@piercy2018].

## Sit less

Sitting for hours is not good for your health. Stand up, stretch or walk when you can. Any movement is better than sitting still [@bull2020].

## If you are 65 or older

Also do activities that train your balance and strength on at least 3 days a week. Tai chi, dancing and standing on one foot while holding a counter are good choices. They can help prevent falls [@bull2020].

## Just starting?

- Start small. Even 10 minutes a day helps.
- Add a few minutes each week.
- More is better. Going past 300 minutes a week brings even more benefits [@piercy2018].
- If you have a health problem, ask your doctor which activities are right for you.`,
      disclosure: NO_COI,
    },
  },

  // -------------------------------------------------------------------------------------------
  {
    slug: "daily-aspirin-to-prevent-first-heart-attack",
    topic: "Cardiology",
    state: "changes_requested",
    reviewComment:
      'Two changes before I can approve. (1) Patient wording: replace "Aspirin is not recommended for most people over 60" with what the USPSTF actually says, that people aged 60 or older should not START daily aspirin to prevent a first heart attack or stroke, and add a plain sentence that anyone already taking aspirin because of a heart attack, stroke or stent should keep taking it and not stop without talking to their clinician. (2) Clinician wording: cite the 2019 ACC/AHA primary-prevention guideline (Arnett et al., Circulation 2019) alongside the USPSTF statement. It classes routine aspirin for primary prevention in adults over 70, and in adults of any age at increased bleeding risk, as Class III: Harm, and our readers will expect to see it.',
    content: {
      question: "Should I take a daily aspirin to prevent a first heart attack?",
      clinicianBody: `For adults without known cardiovascular disease, daily low-dose aspirin gives at best a small reduction in first cardiovascular events, offset by a similar absolute increase in major bleeding. The USPSTF recommends against starting aspirin for primary prevention in adults aged 60 or older (grade D) and advises an individual decision for adults aged 40 to 59 with a 10-year CVD risk of 10% or more (grade C) [@us2022].

## Trial evidence

- ARRIVE (12,546 adults at moderate risk, diabetes excluded; aspirin 100 mg; median follow-up 60 months): primary composite 4.29% vs 4.48% (HR 0.96; 95% CI 0.81–1.13), while gastrointestinal bleeding roughly doubled (0.97% vs 0.46%; HR 2.11) [@gaziano2018].
- ASCEND (15,480 adults with diabetes; 100 mg; mean 7.4 years): serious vascular events 8.5% vs 9.6% (rate ratio 0.88; 95% CI 0.79–0.97), but major bleeding 4.1% vs 3.2% (rate ratio 1.29; 95% CI 1.09–1.52) [@ascend2018].
- ASPREE (19,114 adults aged 70 or older, or 65 or older for Black and Hispanic US participants; 100 mg; median 4.7 years): no significant reduction in cardiovascular disease (10.7 vs 11.3 events per 1000 person-years; HR 0.95) and more major haemorrhage (8.6 vs 6.2 per 1000 person-years; HR 1.38) [@mcneil2018].
- A meta-analysis of 13 trials with 164,225 participants found a hazard ratio of 0.89 for the composite cardiovascular outcome (absolute reduction 0.41%) against 1.43 for major bleeding (absolute increase 0.47%) [@zheng2019].

## Applying this in practice

- Estimate 10-year CVD risk with a validated calculator before discussing aspirin [@us2022].
- In the 40 to 59 group, those most likely to benefit are not at increased bleeding risk and are willing to take aspirin daily. Bleeding risk rises with a history of gastrointestinal ulcer or bleeding, bleeding disorders, and concurrent anticoagulant, corticosteroid or NSAID use [@us2022].
- Whether aspirin reduces colorectal cancer incidence or mortality is unclear, so cancer prevention should not drive the decision [@us2022].
- Put effort first into interventions with clearer net benefit: blood pressure and lipid control, smoking cessation and physical activity.
- None of this applies to secondary prevention after myocardial infarction, stroke or revascularisation.`,
      patientBody: `## The short answer

For most people who have never had a heart attack or stroke, taking aspirin every day brings little or no gain and some risk. Talk with your doctor before you start [@us2022].

## Why not just take it?

Aspirin makes your blood less likely to clot. That can prevent some heart attacks. But it also makes bleeding more likely, in the stomach, the gut or even the brain.

- In a large study of healthy people aged 70 and older, daily aspirin did not lower heart disease. It did raise the chance of serious bleeding [@mcneil2018].
- When many studies were pooled, aspirin prevented a small number of heart problems. It caused about the same number of serious bleeds [@zheng2019].

## Who might still consider it?

- Some adults aged 40 to 59 whose chance of heart disease in the next 10 years is 10% or higher may gain a little. Your doctor can work out this number with a short risk calculator [@us2022].
- It makes more sense if you have no extra bleeding risk and you are willing to take a pill every day.
- Aspirin is not recommended for most people over 60 [@us2022].

## Better ways to protect your heart

- Keep your blood pressure and cholesterol in a healthy range.
- Do not smoke.
- Be active and eat plenty of vegetables, fruit and whole grains.

## Before you decide

Tell your doctor if you have had stomach ulcers or bleeding. Also tell them if you take blood thinners, steroids or pain relievers like ibuprofen. These raise your bleeding risk [@us2022].`,
      disclosure:
        "The author received consulting fees from a manufacturer of home blood pressure monitors in 2024. The author has no financial relationship with any maker of aspirin or antiplatelet drugs.",
    },
  },

  // -------------------------------------------------------------------------------------------
  {
    slug: "first-line-treatment-acute-low-back-pain",
    topic: "Musculoskeletal",
    state: "approved",
    reviewedMonthsAgo: 14,
    content: {
      question: "What is the first-line treatment for acute low back pain?",
      clinicianBody: `For acute (under 4 weeks) or subacute (4 to 12 weeks) low back pain without red flags, first-line care is reassurance, advice to stay active and nonpharmacologic therapy, because most patients improve over time whatever the treatment [@qaseem2017]. The ACP recommends superficial heat (moderate-quality evidence) or massage, acupuncture or spinal manipulation (low-quality evidence), and, if medication is wanted, an NSAID or a skeletal muscle relaxant (strong recommendation) [@qaseem2017].

## Initial assessment

- Use a focused history and examination to exclude serious causes: cauda equina syndrome, malignancy, spinal infection, fracture and progressive neurological deficit.
- Do not routinely image people with low back pain in non-specialist settings. Reserve imaging for suspected serious pathology or for when the result will change management [@national2016].
- Consider a validated risk-stratification tool, such as the STarT Back tool, at first contact to match the intensity of care to the risk of a poor outcome [@national2016].

## Nonpharmacologic care

- Give self-management advice: explain the favourable natural history and encourage continuing normal activities, including work [@national2016].
- Acupuncture is modestly effective for acute pain (low strength of evidence). Across nonpharmacologic options, benefits are small to moderate and mostly short term, and effects on function are smaller than effects on pain [@chou2017].
- Guidelines differ on acupuncture: NICE advises against it, and also against belts or corsets, traction, TENS, ultrasound and interferential therapy [@national2016].
- Exercise therapy has its strongest evidence in chronic rather than acute low back pain [@chou2017].

## Medication

- If an analgesic is needed, use an oral NSAID at the lowest effective dose for the shortest time, taking gastrointestinal, renal and cardiovascular risk into account [@national2016; @qaseem2017].
- Skeletal muscle relaxants give short-term relief but commonly cause sedation; keep courses short [@qaseem2017].
- Do not offer paracetamol (acetaminophen) alone; it was not more effective than placebo for acute low back pain [@national2016; @qaseem2017].
- Systemic corticosteroids are not effective [@qaseem2017]. Consider a weak opioid for acute pain only when an NSAID is contraindicated, not tolerated or has not worked [@national2016].

## Follow-up

- Reassess if pain is not settling or function is not recovering, and look again for red flags.
- For people at higher risk of persistent pain, consider a group exercise programme, combined with psychological support when there are obstacles to recovery [@national2016].`,
      patientBody: `## The short answer

Most new back pain gets better on its own within a few weeks. The best first steps are to keep moving and use heat. If you need medicine, an anti-inflammatory pain reliever like ibuprofen or naproxen, taken for a short time, is a good choice [@qaseem2017; @national2016].

## Keep moving

- Stay as active as you can. Long rest in bed does not help.
- Go back to your normal routine, including work, as soon as you can, even if you still have some pain [@national2016].
- Walking and gentle movement are good choices.

## Things that may help

- A heating pad or heat wrap [@qaseem2017]
- Massage or spinal manipulation by a trained provider [@qaseem2017]
- Acupuncture. Some expert groups suggest it and others do not [@qaseem2017; @national2016].
- An anti-inflammatory medicine at the lowest dose that works, for the shortest time [@national2016]
- A muscle relaxant for a few days, if your doctor suggests one. These can make you sleepy [@qaseem2017].

## Things that usually don't help

- Acetaminophen (Tylenol) on its own [@national2016]
- Steroid pills [@qaseem2017]
- X-rays or MRI scans, unless your doctor is worried about a serious cause [@national2016]
- Back braces, belts or traction [@national2016]

## Get help right away if you have

- Numbness in your groin or buttocks, or new trouble controlling your bladder or bowels
- Weakness in your legs that is getting worse
- A fever, a history of cancer, or back pain after a bad fall
- Severe pain at night that does not ease with rest`,
      disclosure: NO_COI,
    },
  },

  // -------------------------------------------------------------------------------------------
  {
    slug: "how-much-exercise-during-pregnancy",
    topic: "Obstetrics",
    state: "approved",
    reviewedMonthsAgo: 2,
    // Three approved versions for the public version history, and a reader's open error report.
    changeSummary: "Adds postpartum depression to the benefits and the advice for women who feel unwell lying on their back.",
    earlierVersions: [
      {
        monthsAgo: 9,
        changeSummary: "First version.",
        edit: (w) => ({
          ...w,
          clinicianBody: without(w.clinicianBody, POSTPARTUM_MOOD, PELVIC_FLOOR, LYING_FLAT_CLINICIAN),
          patientBody: without(w.patientBody, " It can also help your mood.", LYING_FLAT_PATIENT),
        }),
      },
      {
        monthsAgo: 5,
        changeSummary: "Adds daily pelvic floor muscle training, which may reduce the risk of urinary incontinence.",
        edit: (w) => ({
          ...w,
          clinicianBody: without(w.clinicianBody, POSTPARTUM_MOOD, LYING_FLAT_CLINICIAN),
          patientBody: without(w.patientBody, " It can also help your mood.", LYING_FLAT_PATIENT),
        }),
      },
    ],
    errorReport: {
      daysAgo: 2,
      audience: "patient",
      description: "The list of things to avoid says nothing about hot tubs or saunas. Are they safe while pregnant?",
      quote: "Drink plenty of water and don't get too hot.",
      email: "reader@example.org",
    },
    content: {
      question: "How much exercise is safe during pregnancy?",
      clinicianBody: `In the absence of obstetric or medical contraindications, pregnant women should accumulate at least 150 minutes of moderate-intensity physical activity each week, over at least 3 days and ideally every day, combining aerobic and resistance exercise [@mottola2018; @american2020]. Women who habitually exercised at vigorous intensity before pregnancy can generally continue, adjusting as pregnancy progresses [@bull2020; @american2020].

## Benefits and safety

- Meeting the guideline is associated with lower odds of gestational diabetes, gestational hypertension, pre-eclampsia and excessive gestational weight gain, without an increase in miscarriage or preterm birth [@mottola2018].
- Observational data also link exercise in pregnancy with fewer caesarean and operative vaginal births and a shorter postpartum recovery, and physical activity helps protect against postpartum depression [@american2020].
- Daily pelvic floor muscle training may reduce the risk of urinary incontinence; yoga and gentle stretching may also be beneficial [@mottola2018].

## Choosing activities

- Walking, stationary cycling, aerobic exercise, dancing, resistance exercise with weights or elastic bands, stretching and water aerobics have been studied extensively and found safe and beneficial [@american2020].
- Avoid contact and collision sports, activities with a high risk of falls or abdominal trauma, scuba diving, skydiving, and hot yoga or hot Pilates [@american2020].
- Women who feel light-headed, nauseated or unwell lying flat on their back should change position [@mottola2018].
- Use the talk test to judge intensity, stay well hydrated and avoid exercising in heat.

## When not to exercise

- Absolute contraindications include ruptured membranes, preterm labour, unexplained persistent vaginal bleeding, placenta praevia after 28 weeks, pre-eclampsia, incompetent cervix, intrauterine growth restriction, high-order multiple pregnancy, uncontrolled type 1 diabetes, uncontrolled hypertension or thyroid disease, and other serious cardiovascular, respiratory or systemic disorders [@mottola2018].
- Stop and seek assessment for vaginal bleeding, regular painful contractions, leakage of amniotic fluid, dyspnoea before exertion, dizziness, headache, chest pain, muscle weakness affecting balance, or calf pain or swelling [@american2020].
- Evaluate women with medical or obstetric complications individually; activity restriction should not be prescribed routinely to prevent preterm birth [@american2020].`,
      patientBody: `## The short answer

If your pregnancy is healthy, aim for at least 150 minutes of moderate exercise each week. Spread it over at least 3 days. Moving every day is even better [@mottola2018; @bull2020].

## Why it helps

Staying active while pregnant can lower your chance of diabetes in pregnancy, high blood pressure and gaining too much weight. It can also help your mood. It does not raise the chance of miscarriage or an early birth [@mottola2018; @american2020].

## Good choices

- Walking
- Swimming or water aerobics
- A stationary bike
- Low-impact aerobics or dance
- Light weights or stretch bands
- Prenatal yoga, but not hot yoga [@american2020]

If you were very active before pregnancy, you can usually keep going with your doctor's OK [@american2020].

## How hard?

You should be able to talk while you exercise. Drink plenty of water and don't get too hot.

## Things to avoid

- Contact sports like soccer or basketball
- Activities where you could fall, like skiing or horseback riding
- Scuba diving
- Lying flat on your back if it makes you dizzy or sick [@mottola2018]

## Stop and call your doctor if you have

- Bleeding from the vagina or fluid leaking
- Regular, painful contractions
- Chest pain, dizziness or a bad headache
- Shortness of breath before you start exercising
- Pain or swelling in your calf [@american2020]

Check with your doctor before you start if you have a health problem or a pregnancy complication.`,
      disclosure: NO_COI,
    },
  },

  // -------------------------------------------------------------------------------------------
  {
    slug: "exercise-for-diastasis-recti-after-pregnancy",
    topic: "Musculoskeletal",
    state: "approved",
    // Its yearly review falls due in about four weeks: the editor gets the 30-day notice at once.
    reviewedMonthsAgo: 11.3,
    content: {
      question: "Can exercise close the gap between the stomach muscles (diastasis recti) after pregnancy?",
      clinicianBody: `Exercise is reasonable and low risk for postpartum diastasis recti abdominis (DRA), and a programme that trains the deep trunk muscles appears to work better than conventional abdominal exercise alone. The evidence base is small and of limited quality, so set expectations accordingly and treat function, not only the gap [@benjamin2014; @thabet2019].

## Background

- The rectus muscles separate along a stretched linea alba as the uterus enlarges. If abdominal wall tone does not recover after delivery, a marked diastasis can persist [@cunningham2022].
- DRA has been linked with lumbopelvic instability and pelvic floor weakness, which is why women are often referred for exercise therapy [@benjamin2014].

## What the evidence shows

- A systematic review of 8 studies (336 women; designs from case study to randomised trial) found that exercise during pregnancy reduced the presence of DRA by 35% (RR 0.65; 95% CI 0.46–0.92) and suggested that exercise before or after birth may reduce its width. The included studies were of poor quality [@benjamin2014].
- In a randomised trial of 40 postpartum women aged 23 to 33 with DRA, adding a deep core stability programme to traditional abdominal exercises, 3 sessions a week for 8 weeks, reduced inter-recti separation (digital nylon calipers) and improved physical function on the PF-10 scale significantly more than traditional exercises alone (p<0.0001) [@thabet2019].

## A practical programme

- Start with transversus abdominis activation coordinated with breathing and a pelvic floor contraction, then progress through supported positions to loaded and functional tasks such as lifting and carrying the baby.
- Three sessions a week for at least 8 weeks matches the dose tested in the trial [@thabet2019].
- Pair this with the general postpartum target of 150 minutes a week of moderate aerobic activity, resumed gradually once it is medically safe [@american2020].
- Measure the inter-recti distance at and above the umbilicus at baseline (finger widths, calipers or ultrasound) and repeat it to track change.
- Refer for a surgical opinion only for persistent, symptomatic separation or an associated hernia after an adequate trial of rehabilitation.`,
      patientBody: `## What is it?

During pregnancy, the two long muscles down the front of your belly stretch apart to make room for the baby. The gap between them is called diastasis recti. For many women the gap gets smaller after birth. For some, it stays [@cunningham2022].

## Can exercise help?

Yes, exercise may help, and it is safe to try. There is not much research yet, so results vary [@benjamin2014].

- In one study, women did exercises for their deep core muscles plus regular tummy exercises, 3 times a week for 8 weeks. Their gap got smaller, and daily tasks got easier, more than for women who did only regular tummy exercises [@thabet2019].
- Women who exercised while pregnant were less likely to have a gap at all [@benjamin2014].

## Where to start

- Breathe out and gently draw your belly button in toward your spine. Hold for a few breaths.
- At the same time, squeeze your pelvic floor muscles, as if you were stopping the flow of urine.
- As you get stronger, add moves like bridges and side-lying leg lifts.
- A physical therapist can measure your gap and make a plan for you.

## Stay active overall

Work up to about 150 minutes a week of activity like brisk walking. Start slowly after birth and add a little each week [@american2020].

## See your doctor if

- A bulge in your belly hurts or does not go back in
- You have back pain, leaking urine, or a heavy feeling in your pelvis that is not getting better`,
      disclosure:
        "The author is a pelvic health physiotherapist in private practice who runs paid postnatal exercise classes. No other conflicts of interest.",
    },
  },
];
