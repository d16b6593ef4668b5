// Runs Yoast's SEO and readability assessors (the yoastseo package) on the articles that
// benchmarks/yoast_compare.py prepares: reads a JSON list on stdin, writes a JSON list on stdout.
// Usage: node yoast_compare.js <folder where yoastseo is installed> < articles.json
"use strict";
const path = require("path");
const root = path.resolve(process.argv[2] || ".");
const req = (m) => require(require.resolve(m, { paths: [root] }));
const yoast = req("yoastseo");
const Researcher = req("yoastseo/build/languageProcessing/languages/en/Researcher").default;

const IDS = ["titleWidth", "metaDescriptionLength", "singleH1", "images", "textLength", "passiveVoice"];

function run(article) {
  const paper = new yoast.Paper(article.html, {
    keyword: article.keyphrase || "",
    description: article.description || "",
    title: article.title || "",
    titleWidth: article.titleWidth || 0,
    slug: article.slug || "",
    locale: "en_US",
  });
  const researcher = new Researcher(paper);
  const out = { name: article.name, scores: {}, texts: {}, research: {} };
  for (const Assessor of [yoast.SeoAssessor, yoast.ContentAssessor]) {
    const assessor = new Assessor(researcher);
    assessor.assess(paper);
    for (const result of assessor.getValidResults()) {
      if (IDS.includes(result._identifier)) {
        out.scores[result._identifier] = result.score;
        out.texts[result._identifier] = result.text.replace(/<[^>]+>/g, "");
      }
    }
  }
  const safe = (name) => { try { return researcher.getResearch(name); } catch (e) { return null; } };
  out.research.h1s = (safe("h1s") || []).length;
  out.research.altTagCount = safe("altTagCount");
  out.research.imageCount = safe("imageCount");
  const words = safe("wordCountInText");
  out.research.words = words && typeof words === "object" ? words.count : words;
  out.research.passive = safe("getPassiveVoiceResult");
  out.research.metaDescriptionLength = safe("metaDescriptionLength");
  return out;
}

let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const articles = JSON.parse(input);
  process.stdout.write(JSON.stringify(articles.map((a) => {
    try { return run(a); } catch (e) { return { name: a.name, error: String(e && e.message || e) }; }
  })));
});
