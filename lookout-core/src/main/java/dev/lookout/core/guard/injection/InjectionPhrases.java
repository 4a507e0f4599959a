package dev.lookout.core.guard.injection;

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

  /** An order to drop earlier instructions. */
  static final Pattern OVERRIDE =
      Pattern.compile(
          "\\b(?:ignore|disregard|forget|override|bypass|skip)"
              + GAP
              + "(?:previous|prior|above|earlier|preceding|initial|original|all|any|your|these|those)"
              + "\\W+(?:\\w+\\W+){0,2}?"
              + "(?:instructions?|prompts?|rules|directives|directions|guidelines|commands?|orders)\\b");

  /** A request to reveal the hidden prompt or a secret. */
  static final Pattern EXTRACTION =
      Pattern.compile(
          "\\b(?:reveal|repeat|print|output|show|tell|display|leak|spell|write|give|say|list)"
              + GAP
              + "(?:system prompt|initial prompt|hidden prompt|pre-?prompt|instructions above"
              + "|prompt above|text above|your instructions|your prompt|the password|secret"
              + " (?:key|password|code))\\b");

  /** A new persona that replaces the assistant's rules. */
  static final Pattern PERSONA =
      Pattern.compile(
          "\\b(?:you are now|from now on,? you|developer mode|do anything now|stay in character"
              + "|jailbr(?:eak|oken)|dan mode|unfiltered (?:ai|mode|response)|no longer bound)\\b");

  /** A claim that no rules apply. */
  static final Pattern NO_RULES =
      Pattern.compile(
          "\\b(?:no|without|free (?:of|from)|not bound by|ignores?|break|bypass)\\W+(?:\\w+\\W+){0,3}?"
              + "(?:restrictions|limitations|filters|censorship|guidelines|content polic(?:y|ies)"
              + "|ethical (?:guidelines|principles|constraints)|moral (?:guidelines|principles))\\b");

  /** Orders that fix how every later response must look or behave. */
  static final Pattern RESPONSE_CONTROL =
      Pattern.compile(
          "\\b(?:stay in character|break character|never (?:refuse|deny|say no|decline)"
              + "|(?:always|must) (?:comply|obey|answer|respond)|you will (?:always|never)"
              + "|two (?:different |separate )?(?:responses|outputs|answers|ways)"
              + "|(?:begin|start|prefix|end) (?:your|each|every) (?:response|reply|answer|output)"
              + "|(?:respond|reply|answer) (?:only )?(?:as|in the voice of|like) (?:a|an|the|if)"
              + "|no matter (?:how|what))\\b");

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
          "(?:<\\|(?:endoftext|im_start|im_end|system)\\|>|(?m:^\\s*(?:system|admin|assistant)\\s*:)"
              + "|\\[(?:system|/?inst)\\]|%%%|\\bend of (?:the )?(?:log|prompt|input|instructions)"
              + "|\\bnew instructions?\\b)");

  /** The model or its vendor named as the one to talk to, as jailbreaks address it. */
  static final Pattern AI_ADDRESSED =
      Pattern.compile(
          "\\b(?:chatgpt|gpt-?[345]|openai|anthropic|claude|bard|gemini|llama"
              + "|(?:ai|large) language model|as an ai)\\b");

  private InjectionPhrases() {}

  // Each pattern runs only when a word it needs occurs, because a regex that starts with an
  // alternation is tried at every position of the text.

  static boolean matchesOverride(String text) {
    return containsAny(text, "ignor", "disregard", "forget", "overrid", "bypass", "skip")
        && OVERRIDE.matcher(text).find();
  }

  static boolean matchesExtraction(String text) {
    return containsAny(text, "prompt", "instructions", "text above", "password", "secret")
        && EXTRACTION.matcher(text).find();
  }

  static boolean matchesPersona(String text) {
    return containsAny(
            text,
            "you are now",
            "from now on",
            "mode",
            "do anything",
            "character",
            "jailbr",
            "unfiltered",
            "no longer bound")
        && PERSONA.matcher(text).find();
  }

  static boolean matchesNoRules(String text) {
    return containsAny(
            text,
            "restriction",
            "limitation",
            "filter",
            "censorship",
            "guideline",
            "polic",
            "principle")
        && NO_RULES.matcher(text).find();
  }

  static boolean matchesResponseControl(String text) {
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
            "answer",
            "no matter")
        && RESPONSE_CONTROL.matcher(text).find();
  }

  static boolean matchesAmoral(String text) {
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
        && AMORAL.matcher(text).find();
  }

  static boolean matchesFakeMarker(String text) {
    return containsAny(text, "<|", ":", "[", "%%%", "end of", "new instruction")
        && FAKE_MARKER.matcher(text).find();
  }

  static boolean matchesAiAddressed(String text) {
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
        && AI_ADDRESSED.matcher(text).find();
  }

  private static boolean containsAny(String text, String... words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
