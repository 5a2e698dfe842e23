// The catalogue's section for attendee questions: the organiser's question pages, the questions on the registration form, and answers where they are shown. English and every other catalogue fill it in; a
// missing key fails the type check.
import type { QuestionPer, QuestionType } from "@/domain/questions/model";
import type { Fn } from "@/i18n/messages";

export type QuestionFieldKey = "label" | "help" | "type" | "options" | "detailsOption" | "required" | "per" | "atDoor" | "tiers";

export type QuestionsMessages = {
  /** The organisers' list of an event's questions. */
  list: {
    title: Fn<{ event: string }>;
    heading: string;
    intro: string;
    add: string;
    empty: string;
    caption: string;
    columns: { label: string; type: string; per: string; required: string; status: string; answers: string; actions: string };
    asked: string;
    retired: string;
    required: string;
    optional: string;
    edit: string;
    moveUp: string;
    moveDown: string;
    retire: string;
    restore: string;
    /** The event manage page's link to the list. */
    manageLink: string;
    notices: { created: string; saved: string; retired: string; restored: string; moved: string };
  };
  types: Record<QuestionType, string>;
  pers: Record<QuestionPer, { label: string; hint: string }>;
  /** The organisers' question form. */
  form: {
    add: string;
    edit: Fn<{ label: string }>;
    title: Fn<{ heading: string; event: string }>;
    labels: Record<QuestionFieldKey, string>;
    hints: { help: string; options: string; detailsOption: string; tiers: string; atDoor: string; type: string; answered: Fn<{ count: number }> };
    requiredBox: string;
    atDoorBox: string;
    save: string;
    addButton: string;
    versionLabel: Fn<{ field: string; language: string }>;
    versionOptionsHint: string;
  };
  /** The questions on the registration form. */
  registration: {
    orderLegend: string;
    yes: string;
    no: string;
    chooseCountry: string;
    chooseOne: string;
    details: Fn<{ option: string }>;
    /** The error summary's name for an attendee's answer. */
    errorLabel: Fn<{ index: number; label: string }>;
  };
  /** Answers where they are shown: order pages, the attendee list, the dashboard, the door. */
  answers: {
    heading: string;
    orderHeading: string;
    ticketHeading: Fn<{ name: string }>;
    yes: string;
    no: string;
    withDetails: Fn<{ option: string; details: string }>;
    filterQuestion: string;
    filterAnswer: string;
    filterAny: string;
    filterButton: string;
    cateringHeading: string;
    cateringCount: Fn<{ option: string; count: number }>;
    cateringNone: string;
    exportHeader: Fn<{ label: string }>;
  };
};
