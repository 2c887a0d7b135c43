import { describe, expect, it } from 'vitest';
import { languageCheck, languagePackFor, languagesWithCheck } from '../src/language/index.js';
import { SegmentedSentence } from '../src/language/segmented-sentence.js';
import { quotedSpans } from '../src/lexical/quotations.js';
import { languagesWithData } from '../src/lexical/language-data.js';
import { sentencesOf } from '../src/text/sentences.js';
import { countWords } from '../src/text/words.js';

/** Runs one language's check for a rule on a one-sentence text and returns the quoted phrases it reports. */
function run(ruleId: string, lang: string, text: string, options: Record<string, unknown> = {}): string[] {
  const pack = languagePackFor(lang)!;
  const check = languageCheck<Record<string, unknown>, string>(ruleId, lang)!;
  const prepared = pack.prepare({ blockText: text, start: 0, end: text.length, quotes: quotedSpans(text) });
  return check(prepared, { statives: [], stepVerbs: [], roles: new Set(), ...options }).map((finding) => text.slice(finding.start, finding.end));
}

describe('Tamil and Telugu packs', () => {
  it('serve the grammar rules the research recommends, and the list rules through their data', () => {
    for (const rule of ['passive-voice', 'step-imperative', 'weak-modal', 'present-tense']) expect(languagesWithCheck(rule)).toEqual(expect.arrayContaining(['ta', 'te']));
    for (const list of ['weasel-words', 'wordy-phrases', 'vague-standards']) expect(languagesWithData(list)).toEqual(expect.arrayContaining(['ta', 'te']));
  });

  it('match words without ZWNJ and in NFC, keep the written form and exact offsets', () => {
    const text = 'కస్టమర్‌ను పలకరించండి, తర్వాత “మీ కాల్ బదిలీ చేయబడింది” అని చెప్పండి.';
    const sentence = new SegmentedSentence({ blockText: text, start: 0, end: text.length, quotes: quotedSpans(text) }, 'te');
    expect(sentence.words[0]).toMatchObject({ text: 'కస్టమర్‌ను', norm: 'కస్టమర్ను', start: 0, end: 10 });
    expect(sentence.clauses.map((clause) => clause.map((word) => word.text))).toEqual([['కస్టమర్‌ను', 'పలకరించండి'], ['తర్వాత', 'అని', 'చెప్పండి']]);
    expect(sentence.words.filter((word) => word.quoted).map((word) => word.text)).toEqual(['మీ', 'కాల్', 'బదిలీ', 'చేయబడింది']);
  });

  it('count words by grapheme-aware segmentation and split sentences on . ? ! but not after abbreviations or inside quotes', () => {
    expect(countWords('பணம் திருப்பி அளிக்கப்பட்டதும், வாடிக்கையாளருக்கு SMS அனுப்பவும்.', 'ta')).toBe(6);
    expect(countWords('ఫిర్యాదును పరిశీలించి పరిష్కరించారు.', 'te')).toBe(3);
    const tamil = 'திரு. ராமனை அழைக்கவும். எ.கா. ரசீதைக் கேளுங்கள்! வாடிக்கையாளர் “பணம் எப்போது வரும்?” என்று கேட்டால், தேதியைச் சொல்லுங்கள். சரியா?';
    expect(sentencesOf(tamil, 'ta').map((s) => s.text)).toEqual([
      'திரு. ராமனை அழைக்கவும்.',
      'எ.கா. ரசீதைக் கேளுங்கள்!',
      'வாடிக்கையாளர் “பணம் எப்போது வரும்?” என்று கேட்டால், தேதியைச் சொல்லுங்கள்.',
      'சரியா?',
    ]);
    expect(sentencesOf('డా. రావుకు రూ. 500 ఇవ్వండి. ఉదా. రసీదు అడగండి.', 'te').map((s) => s.text)).toEqual(['డా. రావుకు రూ. 500 ఇవ్వండి.', 'ఉదా. రసీదు అడగండి.']);
  });

  it('sentence splitting still ends a sentence after a quotation when a capital letter follows', () => {
    expect(sentencesOf('Dites « Merci. » Ensuite, raccrochez.', 'fr').map((s) => s.text)).toEqual(['Dites « Merci. »', 'Ensuite, raccrochez.']);
    expect(sentencesOf('Dites « Bonjour ! » puis souriez.', 'fr')).toHaveLength(1);
  });
});

describe('Tamil checks', () => {
  it('passive: infinitive + படு, with the phrase and the -ஆல் agent', () => {
    expect(run('passive-voice', 'ta', 'கோரிக்கைகள் நிதி மேலாளரால் அங்கீகரிக்கப்படுகின்றன.')).toEqual(['மேலாளரால் அங்கீகரிக்கப்படுகின்றன']);
    expect(run('passive-voice', 'ta', 'ஒவ்வொரு அழைப்பும் பதிவு செய்யப்பட வேண்டும்.')).toEqual(['பதிவு செய்யப்பட வேண்டும்']);
    expect(run('passive-voice', 'ta', 'பணம் செலுத்துதல் நிராகரிக்கப்படும் பட்சத்தில், வேறு அட்டையைக் கேளுங்கள்.')).toEqual(['நிராகரிக்கப்படும்']);
  });

  it('passive near misses: -படுத்து, noun + படு, resultative states, attributive participles, single ப', () => {
    for (const text of [
      'புதிய முறையைப் பயன்படுத்தி டிக்கெட்டைப் பதிவு செய்யவும்.',
      'வாடிக்கையாளரின் முகவரியை உறுதிப்படுத்தவும்.',
      'வாடிக்கையாளர் கோபப்பட்டால், அமைதியாகப் பேசுங்கள்.',
      'வாடிக்கையாளர் சந்தேகப்பட்டால், விவரங்களைப் படித்துக் காட்டுங்கள்.',
      'உதவி தேவைப்பட்டால், குழுத் தலைவரை அழைக்கவும்.',
      'கடை ஞாயிற்றுக்கிழமைகளில் மூடப்பட்டிருக்கும்.',
      'மேலாளரால் அனுப்பப்பட்ட கடிதத்தைச் சரிபார்க்கவும்.',
      'திருப்பி அளிக்கப்படும் பொருட்கள் அசல் பெட்டியில் இருக்க வேண்டும்.',
      '₹5,000-க்கு மேற்பட்ட தொகைகளுக்கு மேலாளரை அழைக்கவும்.',
      '“உங்கள் அழைப்பு மாற்றப்பட்டது” என்று சொல்லுங்கள்.',
    ]) {
      expect(run('passive-voice', 'ta', text), text).toEqual([]);
    }
    // Speech before என்று is reported, as if quoted; an emphatic -ஏ on a clause noun keeps the clause.
    expect(run('passive-voice', 'ta', 'பணம் எப்போது அளிக்கப்படும் என்று கேட்டால், ஐந்து நாட்கள் என்று சொல்லுங்கள்.')).toEqual([]);
    expect(run('passive-voice', 'ta', 'கட்டணம் செலுத்தப்பட்ட பின்னரே பொருளை ஒப்படைக்கவும்.')).toEqual(['செலுத்தப்பட்ட']);
    // A perfect passive of an action verb is not the resultative state.
    expect(run('passive-voice', 'ta', 'தவறான பொருள் அனுப்பப்பட்டிருந்தால், மாற்றுப் பொருளை அனுப்புங்கள்.')).toEqual(['அனுப்பப்பட்டிருந்தால்']);
  });

  it('step-imperative: an instruction at the end of any clause, or a -தல் to-do item', () => {
    for (const text of [
      'ஆர்டர் எண்ணைக் கேளுங்கள்.',
      'ரசீதை இணைக்கவும், அப்போது கணக்காளர் அதைச் சரிபார்க்க முடியும்.',
      'வாடிக்கையாளரின் கடவுச்சொல்லை ஒருபோதும் கேட்காதீர்கள்.',
      'விவரங்களை நிறைய எழுத வேண்டாம்.',
      'வாடிக்கையாளரின் அடையாளத்தைச் சரிபார்த்தல்.',
    ]) {
      expect(run('step-imperative', 'ta', text), text).toEqual([]);
    }
    expect(run('step-imperative', 'ta', 'முகவர் வாடிக்கையாளரின் முகவரியைச் சரிபார்க்கிறார்.')).toEqual(['சரிபார்க்கிறார்']);
    expect(run('step-imperative', 'ta', 'ஒவ்வொரு அழைப்பையும் CRM-இல் பதிவு செய்ய வேண்டும்.')).toEqual(['செய்ய வேண்டும்']);
    expect(run('step-imperative', 'ta', 'இந்தப் படிவம் காரணத்தைக் கண்டறிய உதவும்.')).toEqual(['உதவும்']);
    expect(run('step-imperative', 'ta', 'மேலாளரின் ஒப்புதல்.')).toEqual(['ஒப்புதல்']);
    expect(run('step-imperative', 'ta', 'பதிவு செய்யவும்', { stepVerbs: [] })).toEqual([]);
  });

  it('weak-modal: -வது நல்லது and -லாமே, never வேண்டும்', () => {
    expect(run('weak-modal', 'ta', 'ஊழியர்கள் பெயரைக் கேட்பது நல்லது.')).toEqual(['கேட்பது நல்லது']);
    expect(run('weak-modal', 'ta', 'முகவர் மன்னிப்புக் கேட்கலாமே.')).toEqual(['கேட்கலாமே']);
    expect(run('weak-modal', 'ta', 'ஊழியர்கள் சீருடை அணிய வேண்டும்.')).toEqual([]);
    expect(run('weak-modal', 'ta', 'நீங்கள் ஒரு வவுச்சர் வழங்கலாம்.')).toEqual([]);
  });

  it('present-tense: the future only when opted in; -உம் only with a future time; not habits or quotes', () => {
    const text = 'முகவர் மின்னஞ்சலை அனுப்புவார்.';
    expect(run('present-tense', 'ta', text)).toEqual([]);
    expect(run('present-tense', 'ta', text, { future: true })).toEqual(['அனுப்புவார்']);
    expect(run('present-tense', 'ta', 'அடுத்த மாதம் முதல் புதிய கொள்கை நடைமுறைக்கு வரும்.', { future: true })).toEqual(['வரும்']);
    expect(run('present-tense', 'ta', 'இந்த நடைமுறை 1 ஜனவரி 2027 முதல் நடைமுறைக்கு வரும்.', { future: true })).toEqual(['வரும்']);
    expect(run('present-tense', 'ta', 'முகவர் வாடிக்கையாளரின் பெயரைக் கேட்பார்.', { future: true })).toEqual(['கேட்பார்']);
    expect(run('present-tense', 'ta', 'காலை 9 மணி முதல் கவுண்டர் திறந்திருக்கும்.', { future: true })).toEqual([]);
    for (const quiet of [
      'இந்தக் கொள்கை அனைத்துக் கிளைகளுக்கும் பொருந்தும்.',
      'அடுத்த படியில் ரசீதைச் சரிபார்க்கவும்.',
      'பொதுவாக, வாடிக்கையாளர்கள் காலையில் அழைப்பார்கள்.',
      '“பத்து நிமிடங்களில் அழைப்போம்” என்று சொல்லுங்கள்.',
      'வருவாய் அறிக்கையைச் சரிபார்க்கவும்.',
    ]) {
      expect(run('present-tense', 'ta', quiet, { future: true }), quiet).toEqual([]);
    }
  });
});

describe('Telugu checks', () => {
  it('passive: infinitive + బడు, with the చేత agent; not బడి, పెట్టుబడి, కట్టుబడి or an attributive -బడిన', () => {
    expect(run('passive-voice', 'te', 'వాపసులు ఫైనాన్స్ మేనేజర్ చేత ఆమోదించబడతాయి.')).toEqual(['మేనేజర్ చేత ఆమోదించబడతాయి']);
    expect(run('passive-voice', 'te', 'ప్రతి ఫిర్యాదు CRMలో నమోదు చేయబడుతుంది.')).toEqual(['నమోదు చేయబడుతుంది']);
    expect(run('passive-voice', 'te', 'చెల్లింపు తిరస్కరించబడిన పక్షంలో, వేరే కార్డు అడగండి.')).toEqual(['తిరస్కరించబడిన']);
    expect(run('passive-voice', 'te', 'చెల్లింపు చేయబడిన తర్వాతే వస్తువును అప్పగించండి.')).toEqual(['చెల్లింపు చేయబడిన']);
    expect(run('passive-voice', 'te', 'ఫైల్ పంపబడి ఉంది.')).toEqual(['పంపబడి ఉంది']);
    for (const text of ['నగదు పెట్టె ఎల్లప్పుడూ లాక్ చేయబడి ఉండాలి.', 'డబ్బు ఎప్పుడు ఇవ్వబడుతుంది అని అడిగితే, ఐదు రోజులు అని చెప్పండి.', 'సిబ్బంది ఈ నియమాలకు కట్టుబడి ఉండాలి.', 'పెట్టుబడి సలహా ఇవ్వకండి.', 'పిల్లల బడి దగ్గర ఆగండి.', 'తిరిగి ఇవ్వబడిన వస్తువులను పంపండి.', 'ఫిర్యాదును పరిశీలించి పరిష్కరించారు.']) {
      expect(run('passive-voice', 'te', text), text).toEqual([]);
    }
  });

  it('step-imperative: -ండి, -కండి, -వద్దు, a -డం to-do item; not బండి, -ాలి or the habitual', () => {
    for (const text of ['కస్టమర్‌ను పలకరించండి.', 'కస్టమర్ను క్యూలో వేచి ఉండమని అడగండి.', 'పాస్‌వర్డ్ అడగకండి.', 'అభిప్రాయాలను రాయవద్దు.', 'కస్టమర్ గుర్తింపును ధృవీకరించడం.']) {
      expect(run('step-imperative', 'te', text), text).toEqual([]);
    }
    expect(run('step-imperative', 'te', 'ఏజెంట్ చిరునామాను తనిఖీ చేస్తాడు.')).toEqual(['తనిఖీ చేస్తాడు']);
    expect(run('step-imperative', 'te', 'మీరు ఈమెయిల్ చిరునామాను నిర్ధారించాలి.')).toEqual(['నిర్ధారించాలి']);
    expect(run('step-imperative', 'te', 'వస్తువులను మోసుకెళ్లేది ఆకుపచ్చ బండి.')).toEqual(['బండి']);
  });

  it('weak-modal: -తే మంచిది / బాగుంటుంది and -డం మంచిది, never -ాలి', () => {
    expect(run('weak-modal', 'te', 'ఏజెంట్లు క్షమాపణ చెబితే బాగుంటుంది.')).toEqual(['చెబితే బాగుంటుంది']);
    expect(run('weak-modal', 'te', 'ఉచిత డెలివరీ ఇవ్వడం మంచిది.')).toEqual(['ఇవ్వడం మంచిది']);
    expect(run('weak-modal', 'te', 'సిబ్బంది తప్పనిసరిగా యూనిఫామ్ ధరించాలి.')).toEqual([]);
  });

  it('present-tense: -బోతు- and a non-past with a future time word, only when opted in', () => {
    expect(run('present-tense', 'te', 'ఏజెంట్ ఈమెయిల్ పంపబోతున్నారు.')).toEqual([]);
    expect(run('present-tense', 'te', 'ఏజెంట్ ఈమెయిల్ పంపబోతున్నారు.', { future: true })).toEqual(['పంపబోతున్నారు']);
    expect(run('present-tense', 'te', 'కొత్త విధానం వచ్చే నెల నుండి అమలులోకి వస్తుంది.', { future: true })).toEqual(['వస్తుంది']);
    expect(run('present-tense', 'te', 'ఈ ప్రక్రియ 1 జనవరి 2027 నుండి అమలులోకి వస్తుంది.', { future: true })).toEqual(['వస్తుంది']);
    for (const quiet of ['ఈ విధానం అన్ని శాఖలకు వర్తిస్తుంది.', 'వచ్చే కస్టమర్లను పలకరించండి.', '“మేము మీకు తిరిగి కాల్ చేస్తాము” అని చెప్పండి.']) {
      expect(run('present-tense', 'te', quiet, { future: true }), quiet).toEqual([]);
    }
  });
});
