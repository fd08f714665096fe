/** The meaning a reviewer's signature carries, stored with every sign-off and shown wherever it is displayed. */
export const APPROVAL_MEANING = "I have reviewed this content for medical accuracy and approve it for publication.";

export const REQUEST_CHANGES_MEANING = "I have reviewed this content for medical accuracy and request changes before it can be published.";
