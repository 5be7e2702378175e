import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Model, Question } from "survey-core";
import { pageTitle } from "./MonitorProgress.tsx";

/** A missing or refused answer, with where to find it. */
export interface AnswerProblem {
  question: string;
  title: string;
  pageNo: number;
  page: string;
  message: string;
}

function problemOf(model: Model, question: Question, message: string): AnswerProblem {
  const pageNo = model.visiblePages.indexOf(question.page as never);
  return {
    question: question.name,
    title: question.title || question.name,
    pageNo,
    page: question.page ? pageTitle(question.page as never) : "",
    message,
  };
}

const inOrder = (a: AnswerProblem, b: AnswerProblem) => a.pageNo - b.pageNo;

/** Checks every page (marking the questions) and lists what is missing or invalid, page by page. */
export function checkAllAnswers(model: Model): AnswerProblem[] {
  model.validate(true, false);
  return model
    .getAllQuestions(true)
    .filter((q) => q.errors.length > 0)
    .map((q) => problemOf(model, q, q.errors.map((e) => e.getText()).join(" ")))
    .sort(inOrder);
}

/** The server's refusals (a 422 on submission), shown at their questions and listed. */
export function serverProblems(model: Model, errors: { path: string; message: string }[]): AnswerProblem[] {
  return errors
    .flatMap((e) => {
      const question = model.getQuestionByName(e.path);
      if (!question) return [];
      question.addError(e.message);
      return [problemOf(model, question, e.message)];
    })
    .sort(inOrder);
}

/** The problems the farmer has not fixed yet (checked quietly, without new marks). */
export function stillOpen(model: Model, problems: AnswerProblem[]): AnswerProblem[] {
  return problems.filter((p) => {
    const question = model.getQuestionByName(p.question);
    return question?.isVisible && question.validate(false) === false;
  });
}

/**
 * On "submit": every missing or invalid answer with a link to it; once all are fixed, the farmer
 * submits from here. The heading takes the focus when the list appears.
 */
export function AnswerSummary({
  model,
  problems,
  submitting,
  onSubmit,
}: {
  model: Model;
  problems: AnswerProblem[];
  submitting: boolean;
  onSubmit(): void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = problems.length > 0;
  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown]);

  const goTo = (problem: AnswerProblem) => {
    const question = model.getQuestionByName(problem.question);
    if (!question) return;
    if (problem.pageNo >= 0) model.currentPageNo = problem.pageNo;
    // After SurveyJS has drawn the page: the field itself gets the focus.
    setTimeout(() => question.focus(false), 50);
  };

  return (
    <section className="answer-summary" aria-labelledby="answer-summary-title" data-testid="answer-summary">
      <h2 id="answer-summary-title" ref={heading} tabIndex={-1}>
        {problems.length
          ? t("monitor.summary.title", { count: problems.length })
          : t("monitor.summary.allFixed")}
      </h2>
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={p.question}>
              <a
                href={`#question-${p.question}`}
                onClick={(event) => {
                  event.preventDefault();
                  goTo(p);
                }}
              >
                {p.page} · {p.title}
              </a>
              : {p.message}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="primary"
        disabled={problems.length > 0 || submitting}
        onClick={onSubmit}
      >
        {t("monitor.summary.submit")}
      </button>
    </section>
  );
}
