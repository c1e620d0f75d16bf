"""One test module per lint rule, named after the rule's module in seloste/lint/rules/."""
