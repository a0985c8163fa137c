/*
 * Tokens of Treaty term blocks (the ```treaty fenced blocks inside *.treaty.md files).
 *
 * Keywords are "soft": the parser's `name` rule accepts every keyword as a name too, so a
 * product kind called `products` or a party called `Provider` never collides with the
 * language. The lexer only checks shape; meaning (is 2030-02-30 a date? is XYZ a currency?)
 * is checked by the model, which reports it at the token's line and column.
 */
lexer grammar TreatyLexer;

// Documents
AGREEMENT     : 'agreement' ;
AMENDMENT     : 'amendment' ;
CLARIFICATION : 'clarification' ;
ASSUMPTIONS   : 'assumptions' ;
AMENDS        : 'amends' ;
RESTATES      : 'restates' ;
CLARIFIES     : 'clarifies' ;
FOR           : 'for' ;
PARTY         : 'party' ;
SIGNED        : 'signed' ;
EFFECTIVE     : 'effective' ;

// Amendment operations
REPLACE : 'replace' ;
ADD     : 'add' ;
STRIKE  : 'strike' ;

// Assumptions and events
ASSUME   : 'assume' ;
EVENT    : 'event' ;
DECLARED : 'declared' ;
VERIFIED : 'verified' ;
BY       : 'by' ;
KIND     : 'kind' ;
UNIT     : 'unit' ;
IS       : 'is' ;
PUBLIC   : 'public' ;

// Term kinds
REVENUE_SHARE          : 'revenue-share' ;
LICENCE                : 'licence' | 'license' ;
CLOUD_EXCLUSIVITY      : 'cloud-exclusivity' ;
FIRST_SHIP             : 'first-ship' ;
RELEASE_PERMISSION     : 'release-permission' ;
RIGHT_OF_FIRST_REFUSAL : 'right-of-first-refusal' ;
STAKE                  : 'stake' ;
PURCHASE_COMMITMENT    : 'purchase-commitment' ;
PENALTY                : 'penalty' ;
INSTALMENT_SALE        : 'instalment-sale' | 'installment-sale' ;
COMPUTED               : 'computed' ;

// Party roles
PAYER     : 'payer' ;
PAYEE     : 'payee' ;
LICENSOR  : 'licensor' ;
LICENSEE  : 'licensee' ;
HOLDER    : 'holder' ;
ISSUER    : 'issuer' ;
PURCHASER : 'purchaser' ;
PROVIDER  : 'provider' ;
GRANTOR   : 'grantor' ;
OWNER     : 'owner' ;

// Attributes and their words
RATE          : 'rate' ;
TIERS         : 'tiers' ;
CUMULATIVE    : 'cumulative' ;
PER           : 'per' ;
PERIOD        : 'period' ;
UP            : 'up' ;
TO            : 'to' ;
ABOVE         : 'above' ;
BANDS         : 'bands' ;
CONTRACT      : 'contract' ;
OVER          : 'over' ;
THE           : 'the' ;
LAST          : 'last' ;
BELOW         : 'below' ;
BASE          : 'base' ;
PRODUCTS      : 'products' ;
ALL           : 'all' ;
ANY           : 'any' ;
FROM          : 'from' ;
THROUGH       : 'through' ;
CAP           : 'cap' ;
TOTAL         : 'total' ;
COUNTING      : 'counting' ;
PAYMENTS      : 'payments' ;
SINCE         : 'since' ;
MINIMUM       : 'minimum' ;
ADVANCE       : 'advance' ;
RECOUPABLE    : 'recoupable' ;
NON_RECOUPABLE : 'non-recoupable' ;
ESCALATION    : 'escalation' ;
DUE           : 'due' ;
DEADLINE      : 'deadline' ;
PRICE         : 'price' ;
INTEREST      : 'interest' ;
REVENUE       : 'revenue' ;
MEASURED      : 'measured' ;
PAID          : 'paid' ;
AT            : 'at' ;
TERMINATION   : 'termination' ;
AFTER         : 'after' ;
END           : 'end' ;
INSTALMENTS   : 'instalments' | 'installments' ;
CURRENCY      : 'currency' ;
ROUNDING      : 'rounding' ;
COVERS        : 'covers' ;
EXCLUDES      : 'excludes' ;
EXCLUSIVE     : 'exclusive' ;
NON_EXCLUSIVE : 'non-exclusive' ;
SUBJECTS      : 'subjects' ;
RELEASED      : 'released' ;
CLOUD         : 'cloud' ;
CLOUDS        : 'clouds' ;
SEGMENTS      : 'segments' ;
EXCEPT        : 'except' ;
EXCEPTION     : 'exception' ;
UNTIL         : 'until' ;
UNLESS        : 'unless' ;
IF            : 'if' ;
WITHDRAWS     : 'withdraws' ;
EXISTING      : 'existing' ;
RELEASES      : 'releases' ;
DECLINES      : 'declines' ;
CAPABILITIES  : 'capabilities' ;
RESPONSE      : 'response' ;
WITHIN        : 'within' ;
DEFAULT       : 'default' ;
SUPPORT       : 'support' ;
DECLINE       : 'decline' ;
PERCENTAGE    : 'percentage' ;
AS_CONVERTED  : 'as-converted' ;
DILUTED       : 'diluted' ;
VALUED        : 'valued' ;
AMOUNT        : 'amount' ;
SUBJECT       : 'subject' ;
MONTH         : 'month' ;
QUARTER       : 'quarter' ;
HALF_YEAR     : 'half-year' ;
YEAR          : 'year' ;
FISCAL        : 'fiscal' ;
STARTING      : 'starting' ;
MONTHLY       : 'monthly' ;
QUARTERLY     : 'quarterly' ;
YEARLY        : 'yearly' ;
DAY           : 'day' ;
DAYS          : 'days' ;
WEEK          : 'week' ;
WEEKS         : 'weeks' ;
MONTHS        : 'months' ;
YEARS         : 'years' ;
THOUSAND      : 'thousand' ;
MILLION       : 'million' ;
BILLION       : 'billion' ;
TRILLION      : 'trillion' ;
IN            : 'in' ;
NOT           : 'not' ;
AND           : 'and' ;
OR            : 'or' ;

// Literals. DATE is deliberately lenient (2030-2-3 is a DATE token) so that the model can
// say "dates are written YYYY-MM-DD" instead of the parser saying "unexpected '-'".
DATE          : DIGIT+ '-' DIGIT+ '-' DIGIT+ ;
CLAUSE_NUMBER : DIGIT+ '.' DIGIT+ ('.' DIGIT+)+ ;
PERCENT       : NUMBER_BODY '%' ;
NUMBER        : NUMBER_BODY ;
STRING        : '"' (~["\\\r\n] | '\\' .)* '"' ;
// A string the line ends inside: one token, so the message can say so instead of '"'.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' .)* ;
ASSUMPTION_REF: '$' NAME_BODY ;
IDENT         : NAME_BODY ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
COMMA    : ',' ;
COLON    : ':' ;
SEMI     : ';' ;
EQ       : '=' ;
NEQ      : '!=' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' | '×' ;
SLASH    : '/' ;

COMMENT : '//' ~[\r\n]* -> skip ;
NEWLINE : '\r'? '\n' ;
WS      : [ \t]+ -> skip ;

// Anything else is reported as one bad character rather than a lexer exception.
UNEXPECTED : . ;

fragment DIGIT       : [0-9] ;
fragment NUMBER_BODY : DIGIT (DIGIT | '_')* ('.' DIGIT+)? ;
fragment NAME_BODY   : [\p{L}_] [\p{L}\p{N}_]* ('-' [\p{L}\p{N}_]+)* ;
