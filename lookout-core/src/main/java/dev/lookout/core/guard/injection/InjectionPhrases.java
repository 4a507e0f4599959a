package dev.lookout.core.guard.injection;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrase patterns common to injections across datasets, matched on normalised text. Each pattern
 * allows a few filler words between its key words, so that {@code ignore all of the above
 * instructions} matches as well as {@code ignore previous instructions}. A match is a signal whose
 * weight the trainer learns: benign prompts that merely mention a trigger word ({@code ignore},
 * {@code system prompt}) do not match, because the patterns need the verb and its object together.
 */
final class InjectionPhrases {
  private static final String GAP = "\\W+(?:\\w+\\W+){0,3}?";

  /** Fails when the speaker's own words follow within three words: {@code ignore all my ...}. */
  private static final String FIRST_PERSON_AHEAD =
      "(?!\\W+(?:\\w+\\W+){0,2}?(?:my|our|i|we|what i|what we)\\b)";

  /**
   * An order to drop earlier instructions. The instructions must be marked as earlier or as the
   * model's ({@code previous}, {@code above}, {@code your}), and an order about the speaker's own
   * words ({@code ignore my previous instructions}) does not count: users correct themselves that
   * way, and linters and installers "ignore all rules" or "skip all prompts".
   */
  static final Pattern OVERRIDE =
      Pattern.compile(
          "\\b(?:ignore|disregard|forget|override|bypass)"
              + FIRST_PERSON_AHEAD
              + GAP
              + "(?:previous|prior|above|earlier|preceding|initial|original|your|system)"
              + "\\W+(?:\\w+\\W+){0,2}?"
              + "(?:instructions?|prompts?|rules|directives|directions|guidelines|commands?|orders"
              + "|polic(?:y|ies)|programming|constraints|restrictions)\\b"
              + "|\\b(?:ignore|disregard|forget)\\W+(?:about\\W+)?(?:everything|all|anything)"
              + "\\W+(?:(?:that\\W+)?you(?:'ve|\\W+have)?\\W+(?:were\\W+|been\\W+)?"
              + "(?:told|instructed|given)|(?:above|previously|so far)"
              + "|(?:from|about) (?:chat ?gpt|openai|your (?:programming|creators?)))"
              // The instructions the model was given, named as such.
              + "|\\b(?:ignore|disregard|forget)\\W+(?:all\\W+)?(?:of\\W+)?(?:the\\W+)?(?:instructions"
              + "|rules|guidelines|directives)\\W+(?:that\\W+)?you(?:'ve|\\W+have)?\\W+(?:were\\W+|been\\W+)?"
              + "(?:given|told|received|got)\\b"
              // A document that orders the model to drop the user's request.
              + "|\\b(?:ignore|disregard)\\W+(?:the\\W+)?user'?s\\W+(?:question|request|query|message"
              + "|instructions)\\b"
              // The model's rules declared void.
              + "|\\byour\\W+(?:(?:previous|prior|earlier|original|old)\\W+)?(?:instructions|rules"
              + "|guidelines|restrictions) (?:no longer apply|do not apply|don't apply|are (?:no longer|not)"
              + " (?:valid|in effect|active))\\b"
              + "|\\b(?:do not|don't|stop|no longer) (?:follow|obey)(?:ing)? your"
              + "\\W+(?:\\w+\\W+){0,2}?(?:instructions|rules|guidelines|programming|policies)\\b");

  /**
   * The same order in German, Spanish, French, Italian and Portuguese: a verb for ignore or forget,
   * then a noun for instructions or rules marked as earlier ({@code vorherigen}, {@code
   * anteriores}, {@code précédentes}). In the Romance languages the adjective follows the noun.
   */
  static final Pattern OVERRIDE_OTHER_LANGUAGES =
      Pattern.compile(
          "\\b(?:(?:ignorier\\w*|vergiss|vergessen sie|missachte\\w*)\\W+(?:\\w+\\W+){0,3}?"
              + "(?:vorherig\\w*|obig\\w*|bisherig\\w*|früher\\w*|vorangegangen\\w*|vorangehend\\w*"
              + "|vorhergehend\\w*|deine|ihre)\\W+(?:\\w+\\W+){0,2}?(?:anweisungen|befehle|regeln"
              + "|instruktionen|vorgaben)"
              + "|(?:ignora|ignore|ignorez|ignorar|ignorate|olvida|olvídate|olvide|oublie|oubliez"
              + "|dimentica|dimenticate|esqueça|esqueca|esquece|desconsidere)\\W+(?:\\w+\\W+){0,3}?"
              + "(?:instrucciones|indicaciones|[oó]rdenes|reglas|instructions|consignes|directives"
              + "|r[eè]gles|istruzioni|indicazioni|regole|instru[cç][oõ]es|orienta[cç][oõ]es|regras)"
              + "\\W+(?:\\w+\\W+){0,1}?(?:anteriores|previas|precedentes|précédentes|precedenti"
              + "|anteriori|acima|ci-dessus)"
              // "Forget everything before": everything, then a word for before or for the
              // instructions given to the model, never the speaker's own words.
              + "|(?:vergiss|vergessen sie|ignorier\\w*)\\W+alles\\W+(?:davor|vorher|zuvor|bisherige\\w*"
              + "|oben\\w*|was (?:du|sie|dir|ihnen) (?:gesagt|erzählt|beigebracht))"
              + "|(?:olvida\\w*|ignora|ignore[zr]?|oublie\\w*|dimentica\\w*|esque[cç]a\\w*|esquece)"
              + "\\W+(?:todo|tout|tutto|tudo)\\W+(?:lo anterior|lo que te (?:dijeron|han dicho)"
              + "|ce qui précède|ce qu'on t'a dit|quello che ti (?:è stato|hanno) detto|quanto detto"
              + "|o que (?:foi dito|te disseram)|o anterior))\\b"
              // The model's rules declared void, in German.
              + "|\\b(?:deine|ihre)\\W+(?:(?:bisherigen|vorherigen|alten)\\W+)?(?:regeln|anweisungen"
              + "|vorgaben|richtlinien) gelten (?:nicht mehr|ab sofort nicht)"
              // Dutch: negeer or vergeet, then earlier, then instructions or rules.
              + "|\\b(?:negeer|vergeet)\\W+(?:\\w+\\W+){0,3}?(?:vorige|eerdere|voorgaande|bovenstaande"
              + "|je|jouw|uw)\\W+(?:\\w+\\W+){0,1}?(?:instructies|opdrachten|regels|richtlijnen)\\b",
          Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * Wider wordings of the same order, which count only where an order starts ({@link
   * #atOrderStart}). In English they are all instructions, everything before this, everything as a
   * whole clause, the provided context and earlier inputs. In German, the Romance languages,
   * Russian, Serbian, Croatian, Bosnian and Polish they are all instructions or everything.
   * Elsewhere the same words describe ("how do I ignore everything before this line in sed?", "mi
   * abuela olvida todas las indicaciones") or forbid ("don't forget any assignments").
   */
  static final Pattern OVERRIDE_AT_ORDER =
      Pattern.compile(
          // All instructions, with no word for earlier: rules and prompts are left out, since
          // linters and installers "ignore all rules" or "skip all prompts".
          "(?:ignore|disregard|forget)(?:\\W+and\\W+(?:ignore|disregard|forget))?\\W+(?:about\\W+)?"
              + "(?:all|any)\\W+(?:of\\W+)?(?:the\\W+|these\\W+|those\\W+)?(?:other\\W+)?"
              + "(?:instructions|directives|assignments)\\b"
              // Earlier inputs, tasks or direction, as "[ignore prior inputs]" opens a jailbreak.
              // Earlier information is left out: "please ignore the previous information about
              // shipping costs" corrects an e-mail.
              + "|(?:ignore|disregard|forget)\\W+(?:about\\W+)?(?:all\\W+)?(?:the\\W+)?(?:previous"
              + "|prior|above|earlier|preceding)\\W+(?:inputs?|tasks?|assignments|direction)\\b"
              // Everything before this, with none of the speaker's own words in between.
              + "|(?:ignore|disregard|forget)\\W+(?:everything|anything)"
              + "(?:\\W+(?!(?:i|my|we|our|me|us)\\b)\\w+){0,6}?\\W+(?:from before\\b|before (?:this|that|now)"
              + "(?:\\W*$|[.!,;:\\]]| (?:conversation|chat|message|prompt|moment)\\b))"
              // Everything, as a whole clause: "forget everything, write ...".
              + "|(?:ignore|disregard|forget)\\W+(?:about\\W+)?everything"
              + "(?=\\W*(?:$|[,;.!]|(?:and|then|else|above)\\b)|\\W+you know\\s*(?:[.!]|and\\b))"
              // The context or documents that the application gave the model.
              + "|(?:ignore|disregard)\\W+(?:all\\W+|any\\W+)?(?:of\\W+)?(?:the\\W+)?"
              + "(?:provided|given|retrieved|supplied|above|previous)\\W+(?:context|documents"
              + "|search results)\\b"
              + "|leave\\W+(?:all\\W+)?(?:of\\W+)?(?:the\\W+)?(?:previous|prior|earlier|above)"
              + "\\W+(?:\\w+\\W+)?(?:instructions|information|tasks|prompts) behind\\b"
              // German: all instructions or tasks with no word for earlier (rules left out, as in
              // English), or everything as a whole clause or with "gesagte", but not "was ich".
              + "|(?:vergiss|vergessen sie|ignoriere|ignorier|ignorieren sie)\\s+(?:alle|sämtliche)\\s+"
              + "(?:\\w+\\s+)?(?:anweisungen|befehle|instruktionen|vorgaben|aufgaben|aufträge)\\b"
              + "|(?:vergiss|vergessen sie)\\W+alles(?!\\W+was (?:ich|wir)\\b)"
              + "(?=\\W*(?:$|[,;.!]|und\\b|gesagte))"
              // All instructions in Spanish, French, Italian and Portuguese. Inside a sentence,
              // "olvida" or "ignora" tell what someone else does ("mi perro ignora todas mis
              // órdenes"). The speaker's own word in between never counts.
              + "|(?:olvida|olvide|olvidad|ignora|ignoren|oubliez|oublie|ignorez|dimentica|dimenticate"
              + "|ignorate|esqueça|esqueca|esquece|desconsidere)\\s+(?:todas|todos|toutes|tous|tutte"
              + "|tutti)\\s+(?:(?!mis\\b|mes\\b|mie\\b|miei\\b|minhas\\b|meus\\b)\\w+\\s+)?"
              + "(?:instrucciones|indicaciones|instructions|consignes|istruzioni|indicazioni"
              + "|instru[cç][oõ]es)\\b"
              // The model's own rules or instructions: "ignora tus reglas", "ignore tes règles".
              + "|(?:olvida|ignora|ignore|ignorez|oublie|oubliez|dimentica|esqueça|esquece)\\s+"
              + "(?:todas\\s+|toutes\\s+|tutte\\s+)?(?:tus|tes|vos|le tue|tue|as tuas|tuas|suas)\\s+"
              + "(?:instrucciones|reglas|normas|instructions|règles|consignes|istruzioni|regole"
              + "|instru[cç][oõ]es|regras)\\b"
              // Russian, Serbian, Croatian, Bosnian and Polish: forget or ignore, then all or
              // earlier, then instructions, within one clause.
              + "|(?:забудь\\w*|игнорируй\\w*|проигнорируй\\w*|не обращай\\w* внимания на"
              + "|заборави|игнориши|занемари)\\s+(?:\\w+\\s+)?(?:все|всё|предыдущие|прежние"
              + "|вышеуказанные|све|претходне)\\s+(?:\\w+\\s+)?(?:инструкции|указания|команды|задания"
              + "|упуте|упутства|инструкције)"
              // Everything earlier messages gave the model, in Russian and Polish.
              + "|(?:забудь\\w*|игнорируй\\w*|проигнорируй\\w*)\\s+(?:всё|все)\\W+что\\s+(?:тебе|вам)"
              + "\\s+(?:\\w+\\s+)?(?:говорили|сказали|писали)"
              + "|zapomnij\\s+o\\s+wszystkim\\W+co\\s+(?:ci|wam|pan\\w*)\\s+(?:\\w+\\s+)?"
              + "(?:powiedziano|mówiono|napisano)"
              + "|(?:zaboravi|ignoriraj|ignoriši|zanemari|zignoruj|zapomnij(?:\\s+o)?)\\s+"
              + "(?:\\w+\\s+)?(?:sve|sva|prethodne|prethodna|wszystkie|wszystkich|poprzednie"
              + "|poprzednich)\\s+"
              + "(?:\\w+\\s+)?(?:instrukcije|upute|uputstva|naredbe|instrukcje|instrukcjach|polecenia"
              + "|poleceniach)\\b",
          Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * The same order in Chinese, which has no spaces between words: ignore or forget, then within a
   * few characters a word for earlier or above, then one for instructions, rules or content. "I
   * forgot" and "don't forget" do not count.
   */
  static final Pattern OVERRIDE_CHINESE =
      Pattern.compile(
          "(?:忽略|忽视|无视|(?<![我他她别別不])(?:忘记|忘掉)|不要理会|不要遵守|不要管).{0,6}?"
              + "(?:之前|以上|上面|前面|先前|此前|上述|前述).{0,6}?"
              + "(?:指令|指示|说明|規則|规则|提示|设定|命令|内容|对话)");

  /** A request to reveal the hidden prompt or a secret. */
  static final Pattern EXTRACTION =
      Pattern.compile(
          "\\b(?:reveal|repeat|print|output|show|tell|display|leak|spell|write|give|say|list)"
              + GAP
              + "(?:system prompt|initial prompt|hidden prompt|pre-?prompt|instructions above"
              + "|prompt above|text above|your instructions|your prompt|your (?:hidden|initial"
              + "|original|secret|system|first) (?:instructions|prompt|rules)|the password|secret"
              + " (?:key|password|code|word)|system message)\\b"
              + "|\\b(?:repeat|print|output|reveal)\\W+(?:\\w+\\W+){0,2}?(?:everything|all|the (?:text"
              + "|words|lines?|message|instructions)) (?:above|before (?:this|that|these))\\b");

  /**
   * A request for the system prompt in German, Spanish, French, Italian or Portuguese: a verb such
   * as show, tell, reveal or repeat, then within three words that language's name for it.
   */
  static final Pattern EXTRACTION_OTHER_LANGUAGES =
      Pattern.compile(
          "\\b(?:zeig\\w*|gib|geben sie|nenn\\w*|verrat\\w*|wiederhol\\w*|muestra\\w*|mu[eé]strame"
              + "|dime|d[ií]game|revela\\w*|repite|rep[ií]tame|imprime|montre\\w*|affiche\\w*"
              + "|r[eé]v[eè]le\\w*|donne\\w*|r[eé]p[eè]te\\w*|mostra\\w*|mostre\\w*|rivela\\w*|dimmi"
              + "|ripeti\\w*|stampa|diga|repita)\\W+(?:\\w+\\W+){0,3}?"
              + "(?:system-?prompts?|systemanweisung\\w*|prompt (?:del|de) sistema|instrucciones del"
              + " sistema|prompt (?:du |de )?syst[eè]me|instructions (?:du )?syst[eè]me|prompt di"
              + " sistema|istruzioni di sistema|prompt do sistema|instru[cç][oõ]es do sistema)\\b",
          Pattern.UNICODE_CHARACTER_CLASS);

  /** A question about the hidden prompt or a secret. */
  static final Pattern EXTRACTION_QUESTION =
      Pattern.compile(
          "\\bwhat(?:'s|\\W+(?:is|are|were|was))\\W+(?:your\\W+(?:\\w+\\W+){0,2}?"
              + "(?:instructions|rules)|(?:your|the)\\W+(?:\\w+\\W+){0,2}?(?:system prompt|initial"
              + " prompt|password|passcode|access code|secret (?:word|code|key)))\\b"
              + "(?! (?:policy|policies|manager|reset|requirements?|rules|strength|hash))");

  /** A new persona that replaces the assistant's rules. */
  static final Pattern PERSONA =
      Pattern.compile(
          "\\b(?:you are now|from now on,? you|developer mode|do anything now|stay in character"
              + "|jailbr(?:eak|oken)|dan mode|unfiltered (?:ai|mode|response)|no longer bound"
              + "|you are (?:now )?dan|(?:anything|everything) now|(?:evil|opposite|unrestricted) mode"
              + "|broken free|free (?:from|of) (?:the )?(?:typical )?"
              + "(?:confines|constraints|shackles)|(?:pretend|imagine|act as if|act like) (?:you are|you're"
              + "|to be) (?:an? )?(?:ai|assistant|chatbot|model|language model) (?:with(?:out)?|that|who))\\b");

  /** A claim that no rules apply. */
  static final Pattern NO_RULES =
      Pattern.compile(
          "\\b(?:no|without|free (?:of|from)|not (?:bound|restrained) by|ignores?|break|bypass)"
              + "\\W+(?:\\w+\\W+){0,4}?"
              + "(?:restrictions|limitations|filters|censorship|guidelines|content (?:polic(?:y|ies)"
              + "|filters?)"
              + "|ethical (?:guidelines|principles|constraints)|moral (?:guidelines|principles))\\b");

  /** An order to switch off safety measures, which also claims that no rules apply. */
  static final Pattern DISABLE_SAFETY =
      Pattern.compile(
          "\\b(?:disable|turn off|remove|deactivate|switch off|lift)\\W+(?:all\\W+(?:of\\W+)?)?your"
              + "\\W+(?:\\w+\\W+){0,1}?"
              + "(?:filters?|safety|safeguards|guardrails|restrictions|content (?:filter|policy)"
              + "|moderation)\\b");

  /** A claim to be the model's maker or operator, followed by an order or a permission. */
  static final Pattern AUTHORITY =
      Pattern.compile(
          "\\b(?:as|i am|i'm) your (?:developer|creator|administrator|admin|owner"
              + "|operator|programmer)\\W+(?:\\w+\\W+){0,6}?(?:authori[sz]e|order|command|instruct"
              + "|override|permission|allow)");

  /** Orders that fix how every later response must look or behave. */
  static final Pattern RESPONSE_CONTROL =
      Pattern.compile(
          "\\b(?:stay in character|break character|never (?:refuses?|denies|deny|say no|declines?)"
              + "|(?:always|must) (?:comply|obey|answer|respond)|you will (?:always|never)"
              + "|two (?:different |separate )?(?:responses|outputs|answers|ways)"
              + "|(?:begin|start|prefix|end) (?:your|each|every) (?:response|reply|answer|output)"
              + "|(?:respond|reply|answer) (?:only )?(?:as|in the voice of|like) (?:a|an|the|if))\\b");

  /** Words that ask for responses without moral or legal limits. */
  static final Pattern AMORAL =
      Pattern.compile(
          "\\b(?:amoral|immoral|unethical|unfiltered|uncensored|unrestricted|unlimited power"
              + "|regardless of (?:legality|ethics|morals?|morality|how|the consequences)"
              + "|without (?:any )?(?:warnings?|disclaimers?|censorship|morals|ethics)"
              + "|(?:no|any) (?:morals|ethics|ethical|moral) )");

  /** Forged conversation or system markers that try to close the real prompt. */
  static final Pattern FAKE_MARKER =
      Pattern.compile(
          "(?:<\\|(?:endoftext|im_start|im_end|system)\\|>"
              + "|(?m:(?<=^[ \\t]{0,8})(?:system|admin|assistant)\\s*:)"
              + "|\\[(?:system|/?inst)\\]|%%%|\\bend of (?:the )?(?:log|prompt|input|instructions)"
              + "|\\bnew instructions?\\b)");

  /** A note inside a document or page that speaks to the AI that will read it. */
  static final Pattern NOTE_TO_AI =
      Pattern.compile(
          "\\b(?:(?:note|message|instructions?) (?:to|for) (?:the |any )?"
              + "(?:ai|assistant|llm|language model|chatbot)s?\\b(?! (?:team|editor|developers?))"
              + "|(?:if|when) you are an? (?:ai|assistant|llm|language model|chatbot))");

  /** An AI named as the reader of the text around it. */
  static final Pattern AI_READER =
      Pattern.compile(
          "\\b(?:ai|assistant|llm|language model|chatbot)s? (?:reading|processing|summari[sz]ing)"
              + " this\\b");

  /** The model or its vendor named as the one to talk to, as jailbreaks address it. */
  static final Pattern AI_ADDRESSED =
      Pattern.compile(
          "\\b(?:chatgpt|gpt-?[345]|openai|anthropic|claude|bard|gemini|llama"
              + "|(?:ai|large) language model|as an ai)\\b");

  private InjectionPhrases() {}

  // The patterns of override, extraction, persona and no-rules phrasing start with alternations
  // that a plain find() tries at every position of a 2 KB prompt (about 0.1 ms each). Each
  // alternative of these patterns starts with one of its anchors, so the pattern is tried only
  // where an anchor occurs.

  private static final String[] OVERRIDE_ANCHORS = {
    "ignore",
    "ignoring",
    "disregard",
    "forget",
    "leave",
    "override",
    "bypass",
    "your",
    "do not ",
    "don't ",
    "stop ",
    "no longer "
  };
  private static final String[] OTHER_LANGUAGE_ANCHORS = {
    "ignor",
    "vergiss",
    "vergessen",
    "missacht",
    "olvid",
    "oubli",
    "diment",
    "esque",
    "descons",
    "negeer",
    "vergeet",
    "deine",
    "ihre"
  };
  private static final String[] ORDER_ANCHORS = {
    "ignor", "disregard", "forget", "leave", "vergiss", "vergessen", "olvid", "oubli", "diment",
    "esque", "descons", "забуд", "игнорир", "проигнор", "не обращ", "заборав", "игнориш", "занемар",
    "zaboravi", "zanemari", "zignor", "zapomnij"
  };

  /** Marks after which an order may start: sentence ends, quotes, brackets, list bullets. */
  private static final String ORDER_MARKS = ".!?:;\"'“”‘’«»„[](){}*>#=-";

  /** Maximum number of {@link #ORDER_LEADS} before an order: "from now on, ignore ...". */
  private static final int MAX_ORDER_LEADS = 3;

  /**
   * Words that may stand before an order at its start: "please ignore", "ok, now forget". The
   * Croatian and Polish "i" (and) is left out, since it is the English "I" of "I forget
   * everything."
   */
  private static final Set<String> ORDER_LEADS =
      Set.of(
          "please",
          "now",
          "just",
          "and",
          "then",
          "so",
          "ok",
          "okay",
          "stop",
          "but",
          "also",
          "simply",
          "first",
          "from",
          "on",
          "btw",
          "by",
          "the",
          "way",
          "anyway",
          "actually",
          "hey",
          "well",
          "instead",
          "finally",
          "bitte",
          "jetzt",
          "nun",
          "und",
          "übrigens",
          "por",
          "favor",
          "cierto",
          "ahora",
          "y",
          "maintenant",
          "et",
          "adesso",
          "ora",
          "e",
          "agora",
          "теперь",
          "и",
          "пожалуйста",
          "sada",
          "molim",
          "teraz",
          "proszę");

  private static final String[] EXTRACTION_LANGUAGE_ANCHORS = {
    "zeig", "gib", "geben", "nenn", "verrat", "wiederhol", "muestr", "dime", "díga", "diga",
    "revel", "rével", "révèl", "repit", "repít", "répè", "repè", "répe", "repet", "imprim",
    "montr", "affich", "donn", "mostr", "rivel", "dimmi", "ripet", "stamp"
  };
  private static final String[] CHINESE_ANCHORS = {
    "忽略", "忽视", "无视", "忘记", "忘掉", "不要理会", "不要遵守", "不要管"
  };
  private static final String[] MARKER_ANCHORS = {
    "<|", "system", "admin", "assistant", "[", "%%%", "end of", "new instruction"
  };
  private static final String[] NOTE_ANCHORS = {
    "note ", "message ", "instruction", "if you are", "when you are"
  };
  private static final String[] EXTRACTION_ANCHORS = {
    "reveal", "repeat", "print", "output", "show", "tell", "display", "leak", "spell", "write",
    "give", "say", "list"
  };
  private static final String[] PERSONA_ANCHORS = {
    "you are ", "from now on", "developer mode", "do anything now", "stay in character", "jailbr",
    "dan mode", "unfiltered ", "no longer bound", "anything now", "everything now", "evil mode",
    "opposite mode", "unrestricted mode", "broken free", "free ", "pretend", "imagine",
    "act as if", "act like"
  };
  private static final String[] NO_RULES_ANCHORS = {
    "no", "without", "free ", "not ", "ignore", "break", "bypass"
  };
  private static final String[] DISABLE_ANCHORS = {
    "disable", "turn off", "remove", "deactivate", "switch off", "lift"
  };
  private static final String[] AUTHORITY_ANCHORS = {"as ", "i am ", "i'm "};

  static boolean matchesOverride(AnchoredText text) {
    return findAtAnchors(OVERRIDE, text, OVERRIDE_ANCHORS)
        || findAtAnchors(OVERRIDE_OTHER_LANGUAGES, text, OTHER_LANGUAGE_ANCHORS)
        || findAtOrderStarts(OVERRIDE_AT_ORDER, text, ORDER_ANCHORS)
        || findAtAnchors(OVERRIDE_CHINESE, text, CHINESE_ANCHORS);
  }

  static boolean matchesExtraction(AnchoredText text) {
    return findAtAnchors(EXTRACTION, text, EXTRACTION_ANCHORS)
        || findAtAnchors(EXTRACTION_QUESTION, text, "what")
        || findAtAnchors(EXTRACTION_OTHER_LANGUAGES, text, EXTRACTION_LANGUAGE_ANCHORS);
  }

  static boolean matchesPersona(AnchoredText text) {
    return findAtAnchors(PERSONA, text, PERSONA_ANCHORS);
  }

  static boolean matchesNoRules(AnchoredText text) {
    return findAtAnchors(NO_RULES, text, NO_RULES_ANCHORS)
        || findAtAnchors(DISABLE_SAFETY, text, DISABLE_ANCHORS)
        || findAtAnchors(AUTHORITY, text, AUTHORITY_ANCHORS);
  }

  /**
   * Returns whether {@code pattern} matches starting at an occurrence of one of {@code anchors}.
   * The bounds are transparent, so a leading {@code \\b} checks the character before the anchor.
   */
  private static boolean findAtAnchors(Pattern pattern, AnchoredText text, String... anchors) {
    return findAtAnchors(pattern, text, false, anchors);
  }

  /** Returns whether {@code pattern} matches at one of {@code anchors} where an order starts. */
  private static boolean findAtOrderStarts(Pattern pattern, AnchoredText text, String... anchors) {
    return findAtAnchors(pattern, text, true, anchors);
  }

  private static boolean findAtAnchors(
      Pattern pattern, AnchoredText anchored, boolean orderStartsOnly, String... anchors) {
    String text = anchored.text();
    Matcher matcher = null;
    for (String anchor : anchors) {
      for (int at = anchored.indexOf(anchor); at >= 0; at = anchored.indexOf(anchor, at)) {
        if (orderStartsOnly && !atOrderStart(text, at)) {
          continue;
        }
        if (matcher == null) {
          matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }
        if (matcher.region(at, text.length()).lookingAt()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns whether position {@code at} starts an order: the text's start, or a line break or one
   * of {@link #ORDER_MARKS} before it, with up to three spaces and at most {@link #MAX_ORDER_LEADS}
   * of {@link #ORDER_LEADS} ("please", "ok, now", "from now on") in between. "How do I ignore ...",
   * "my dogs ignore ..." and "don't forget ..." are not.
   */
  static boolean atOrderStart(String text, int at) {
    int position = at;
    for (int leads = 0; ; leads++) {
      int spaces = 0;
      while (position > 0 && spaces < 3 && Character.isWhitespace(text.charAt(position - 1))) {
        if (text.charAt(position - 1) == '\n') {
          return true;
        }
        position--;
        spaces++;
      }
      if (position == 0) {
        return true;
      }
      char before = text.charAt(position - 1);
      // An apostrophe after a letter elides a word ("j'oublie"), so it opens no quote.
      boolean elision =
          (before == '\'' || before == '’')
              && position >= 2
              && Character.isLetter(text.charAt(position - 2));
      if (ORDER_MARKS.indexOf(before) >= 0 && !elision) {
        return true;
      }
      if (leads == MAX_ORDER_LEADS) {
        return false;
      }
      if (text.charAt(position - 1) == ',') {
        position--;
      }
      int wordStart = position;
      while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
        wordStart--;
      }
      if (wordStart == position || !ORDER_LEADS.contains(text.substring(wordStart, position))) {
        return false;
      }
      position = wordStart;
    }
  }

  static boolean matchesResponseControl(AnchoredText text) {
    return containsAny(
            text,
            "character",
            "never ",
            "always ",
            "must ",
            "you will",
            "two ",
            "begin ",
            "start ",
            "prefix",
            "end ",
            "respond",
            "reply",
            "answer")
        && RESPONSE_CONTROL.matcher(text.text()).find();
  }

  static boolean matchesAmoral(AnchoredText text) {
    return containsAny(
            text,
            "moral",
            "ethic",
            "filter",
            "censor",
            "restrict",
            "unlimited",
            "regardless",
            "without")
        && AMORAL.matcher(text.text()).find();
  }

  /**
   * Matches forged markers and, because indirect injections speak to their reader the same way,
   * notes addressed to the AI that reads a document.
   */
  static boolean matchesFakeMarker(AnchoredText text) {
    return findAtAnchors(FAKE_MARKER, text, MARKER_ANCHORS)
        || findAtAnchors(NOTE_TO_AI, text, NOTE_ANCHORS)
        || containsAny(
                text, " reading this", " processing this", " summarizing this", " summarising this")
            && AI_READER.matcher(text.text()).find();
  }

  static boolean matchesAiAddressed(AnchoredText text) {
    return containsAny(
            text,
            "gpt",
            "openai",
            "anthropic",
            "claude",
            "bard",
            "gemini",
            "llama",
            "language model",
            "as an ai")
        && AI_ADDRESSED.matcher(text.text()).find();
  }

  private static boolean containsAny(AnchoredText text, String... words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
