package dev.lookout.bench.drift;

/** The features a discriminant of {@link DriftPowerReference} is fitted on. */
enum FeatureSet {
  /** The vector the embedding test compares: all-MiniLM-L6-v2 embedding and style features. */
  EMBEDDING_AND_STYLE("embeddings and style", true, false, false),
  /** The word profile that the word-profile test compares. */
  WORD_PROFILE("word profile", false, true, false),
  /** Embeddings, style features and word profile, concatenated. */
  BOTH("both", true, true, false),
  /** Whether the text contains each of the phrases chosen on the fitting texts. */
  PHRASES("phrases", false, false, true),
  /** Everything above, concatenated. */
  ALL("all three", true, true, true);

  private final String title;
  private final boolean embedding;
  private final boolean profile;
  private final boolean phrases;

  FeatureSet(String title, boolean embedding, boolean profile, boolean phrases) {
    this.title = title;
    this.embedding = embedding;
    this.profile = profile;
    this.phrases = phrases;
  }

  /** Returns the column title in the tables. */
  String title() {
    return title;
  }

  /**
   * Returns this set's features of one text.
   *
   * @param embeddingAndStyle the embedding with style features appended
   * @param wordProfile the word profile
   * @param phraseIndicators the text's {@link PhraseVocabulary#indicators}
   */
  double[] features(float[] embeddingAndStyle, float[] wordProfile, double[] phraseIndicators) {
    int first = embedding ? embeddingAndStyle.length : 0;
    int second = profile ? wordProfile.length : 0;
    int third = phrases ? phraseIndicators.length : 0;
    double[] features = new double[first + second + third];
    for (int j = 0; j < first; j++) {
      features[j] = embeddingAndStyle[j];
    }
    for (int j = 0; j < second; j++) {
      features[first + j] = wordProfile[j];
    }
    System.arraycopy(phraseIndicators, 0, features, first + second, third);
    return features;
  }
}
